package org.kydp.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kydp.quiz.admin.QuizAdministration;
import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.error.UnauthorizedException;
import org.kydp.quiz.error.ValidationException;
import org.kydp.quiz.leaderboard.Page;
import org.kydp.quiz.live.LiveOptions;
import org.kydp.quiz.live.LiveSessions;
import org.kydp.quiz.live.Viewer;
import org.kydp.quiz.metrics.EngineMetrics;
import org.kydp.quiz.model.Answer;
import org.kydp.quiz.model.LiveSettings;
import org.kydp.quiz.model.LocalizedText;
import org.kydp.quiz.model.Player;
import org.kydp.quiz.stats.Statistics;
import org.kydp.quiz.stats.StatsQuery;
import org.kydp.quiz.store.InMemoryStore;

/**
 * Every public method of the engine and of the services it hands out refuses a null argument with a
 * {@link ValidationException} on a field named after the parameter, never a {@code NullPointerException}. The
 * methods are found by reflection, so that a new method is covered as soon as it is written.
 */
class NullArgumentsTest {

    /** Parameters documented as taking null, by "Class.method(parameter)". */
    private static final Set<String> MAY_BE_NULL = Set.of(
            "LiveSessions.create(language)", "LiveSessions.create(settings)",
            "LiveSessions.language(requested)", "LiveSessions.subscribe(lastEventId)",
            "LiveSessions.join(name)");

    /** Token parameters: a missing token is refused as a wrong one is, UNAUTHORIZED (see the next test). */
    private static final Set<String> TOKENS = Set.of("QuizEngine.authenticate(token)",
            "LiveSessions.authenticate(token)");

    /** The services whose public methods are checked, each made from a new engine. */
    private static final Map<Class<?>, Function<QuizEngine, Object>> SERVICES = Map.of(
            QuizEngine.class, engine -> engine,
            QuizEngine.Builder.class, engine -> QuizEngine.builder(),
            QuizAdministration.class, QuizEngine::administration,
            LiveSessions.class, QuizEngine::live,
            Statistics.class, QuizEngine::statistics);

    /** Values for the arguments before the null one, by type. */
    private static final Map<Class<?>, Object> VALUES = Map.ofEntries(
            Map.entry(String.class, "x"),
            Map.entry(Answer.class, new Answer.Choice("a")),
            Map.entry(Page.class, Page.first(1)),
            Map.entry(LocalizedText.class, LocalizedText.en("x")),
            Map.entry(List.class, List.of()),
            Map.entry(Player.class, new Player("p", "Asha", "hash", Instant.EPOCH)),
            Map.entry(Viewer.class, new Viewer.Host("x")),
            Map.entry(StatsQuery.class, StatsQuery.all()),
            Map.entry(org.kydp.quiz.model.Quiz.class, SampleQuizzes.helplines()),
            Map.entry(org.kydp.quiz.store.Store.class, new InMemoryStore()),
            Map.entry(Clock.class, Clock.systemUTC()),
            Map.entry(ZoneId.class, ZoneOffset.UTC),
            Map.entry(SecureRandom.class, new SecureRandom()),
            Map.entry(LiveOptions.class, LiveOptions.defaults()),
            Map.entry(LiveSettings.class, LiveSettings.defaults()),
            Map.entry(EngineMetrics.class, EngineMetrics.NONE));

    private final QuizEngine engine = QuizEngine.builder().build();

    @AfterEach
    void close() {
        engine.close();
    }

    static Stream<Arguments> nullArguments() {
        return SERVICES.keySet().stream().sorted(Comparator.comparing(Class::getSimpleName))
                .flatMap(service -> Arrays.stream(service.getDeclaredMethods())
                        .filter(method -> Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()
                                && !Modifier.isStatic(method.getModifiers()))
                        .sorted(Comparator.comparing(Method::toString))
                        .flatMap(method -> IntStream.range(0, method.getParameterCount())
                                .filter(index -> !method.getParameterTypes()[index].isPrimitive())
                                .filter(index -> !MAY_BE_NULL.contains(describe(method, index))
                                        && !TOKENS.contains(describe(method, index)))
                                .mapToObj(index -> Arguments.of(describe(method, index), method, index))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullArguments")
    void a_null_argument_is_a_validation_error_naming_it(String call, Method method, int index) throws Exception {
        Parameter parameter = method.getParameters()[index];
        assertThat(parameter.isNamePresent()).as("compiled with -parameters").isTrue();
        Object[] arguments = new Object[method.getParameterCount()];
        for (int i = 0; i < index; i++) {
            arguments[i] = MAY_BE_NULL.contains(describe(method, i)) ? null : valueOf(method.getParameterTypes()[i]);
        }
        for (int i = index + 1; i < arguments.length; i++) {
            arguments[i] = method.getParameterTypes()[i].isPrimitive() ? valueOf(method.getParameterTypes()[i])
                    : null; // the null checks run in the parameters' order: the first null is the one reported
        }

        try {
            method.invoke(SERVICES.get(method.getDeclaringClass()).apply(engine), arguments);
            fail(call + " accepted null");
        } catch (InvocationTargetException e) {
            assertThat(e.getCause()).as(call).isInstanceOf(ValidationException.class);
            assertThat(((ValidationException) e.getCause()).errors()).extracting(FieldError::field)
                    .as(call).containsExactly(parameter.getName());
        }
    }

    @Test
    void a_missing_token_is_unauthorized_as_a_wrong_one_is() {
        engine.publish(SampleQuizzes.helplines());
        String session = engine.live().create("helplines", null, null).session().id();

        assertThatThrownBy(() -> engine.authenticate(null)).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> engine.live().authenticate(session, null)).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void every_service_the_engine_hands_out_is_checked() {
        assertThat(nullArguments().map(arguments -> (String) arguments.get()[0]))
                .contains("QuizEngine.answer(answer)", "QuizEngine.leaderboard(page)",
                        "QuizAdministration.update(quiz)", "LiveSessions.answer(answer)", "Statistics.quiz(query)",
                        "Builder.store(store)");
    }

    private static String describe(Method method, int index) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                + method.getParameters()[index].getName() + ")";
    }

    private static Object valueOf(Class<?> type) {
        if (type == int.class || type == long.class) {
            return type == int.class ? (Object) 0 : (Object) 0L;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (VALUES.containsKey(type)) {
            return VALUES.get(type);
        }
        if (type.isInterface() && !type.isSealed()) {
            return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            });
        }
        throw new IllegalStateException("add a value of " + type.getName() + " to VALUES");
    }
}
