package org.kydp.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.example.embedder.QuickStart;
import com.example.embedder.QuickStartTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.kydp.quiz.store.jdbc.OpenH2Store;

/**
 * An application that embeds the engine with the in-memory store needs none of the JDBC store's libraries, which
 * quiz-core declares optional: the README's example runs, in a JVM of its own, on quiz-core's classes and only the
 * dependencies an embedder gets with it (read from the runtime dependency tree that the build writes, optional
 * branches left out). A JDBC-store user who left out H2 is told what to add.
 */
class LeanClassPathTest {

    /** A class of each library of the JDBC store. */
    private static final Map<String, String> JDBC_LIBRARIES = Map.of(
            "org/h2/Driver.class", "H2",
            "org/postgresql/Driver.class", "the PostgreSQL driver",
            "com/zaxxer/hikari/HikariDataSource.class", "HikariCP",
            "org/flywaydb/core/Flyway.class", "Flyway",
            "org/jdbi/v3/core/Jdbi.class", "JDBI",
            "com/github/benmanes/caffeine/cache/Caffeine.class", "Caffeine");

    @TempDir
    Path temp;

    @Test
    void the_readme_example_runs_on_quiz_core_and_its_non_optional_dependencies_alone() throws Exception {
        List<Path> classPath = new ArrayList<>(embedderClassPath());
        classPath.add(copyOfClasses(QuickStart.class));

        assertThat(librariesOn(classPath)).as("JDBC store libraries on the class path").isEmpty();
        Result result = run(classPath, QuickStart.class.getName(),
                Path.of("src/test/resources/helplines.json").toAbsolutePath().toString());

        assertThat(result.exitCode()).as(result.errors()).isZero();
        assertThat(result.output().lines()).containsExactlyElementsOf(QuickStartTest.FIRST_QUIZ_PRINTS);
    }

    @Test
    void a_jdbc_store_on_h2_needs_jdbi_hikaricp_flyway_caffeine_and_h2_alone() throws Exception {
        List<Path> classPath = jdbcStoreClassPath();
        classPath.addAll(testClassPathEntries("/com/h2database/h2/"));

        assertThat(librariesOn(classPath)).doesNotContain("the PostgreSQL driver");
        Result result = run(classPath, OpenH2Store.class.getName(), temp.resolve("data").toString());

        assertThat(result.exitCode()).as(result.errors()).isZero();
        assertThat(result.output()).isEqualTo("opened\n");
    }

    @Test
    void a_jdbc_store_on_h2_without_h2_on_the_class_path_says_what_to_add() throws Exception {
        List<Path> classPath = jdbcStoreClassPath();

        assertThat(librariesOn(classPath)).doesNotContain("H2").contains("HikariCP", "Flyway", "JDBI");
        Result result = run(classPath, OpenH2Store.class.getName(), temp.resolve("data").toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).contains("H2 is not on the class path: add the dependency com.h2database:h2");
    }

    @Test
    void without_an_slf4j_binding_slf4j_says_so_once_and_the_store_logs_nothing() throws Exception {
        List<Path> classPath = jdbcStoreClassPath();
        classPath.addAll(testClassPathEntries("/com/h2database/h2/"));

        Result result = run(classPath, List.of(), OpenH2Store.class.getName(), temp.resolve("data").toString());

        assertThat(result.exitCode()).as(result.errors()).isZero();
        assertThat(result.errors()).contains("SLF4J(W): No SLF4J providers were found.")
                .doesNotContain("org.flywaydb", "com.zaxxer");
    }

    @Test
    void with_slf4j_simple_flyway_and_the_pool_say_what_they_opened_and_one_property_quiets_flyway()
            throws Exception {
        List<Path> classPath = jdbcStoreClassPath();
        classPath.addAll(testClassPathEntries("/com/h2database/h2/"));
        classPath.addAll(testClassPathEntries("/org/slf4j/slf4j-simple/"));

        Result told = run(classPath, List.of(), OpenH2Store.class.getName(), temp.resolve("told").toString());
        Result quiet = run(classPath, List.of("-Dorg.slf4j.simpleLogger.log.org.flywaydb=warn"),
                OpenH2Store.class.getName(), temp.resolve("quiet").toString());

        assertThat(told.exitCode()).as(told.errors()).isZero();
        assertThat(told.errors()).contains("INFO org.flywaydb.").doesNotContain("No SLF4J providers");
        assertThat(quiet.exitCode()).as(quiet.errors()).isZero();
        assertThat(quiet.errors()).doesNotContain("org.flywaydb");
    }

    @Test
    void the_readme_lists_every_optional_dependency_at_the_version_quiz_core_is_built_with() throws IOException {
        Map<String, String> listed = new TreeMap<>();
        Matcher dependency = Pattern.compile("<dependency><groupId>([^<]+)</groupId><artifactId>([^<]+)</artifactId>"
                + "<version>([^<]+)</version></dependency>").matcher(Files.readString(Path.of("../README.md")));
        while (dependency.find()) {
            listed.put(dependency.group(1) + ":" + dependency.group(2), dependency.group(3));
        }
        Map<String, String> optional = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("target/runtime-dependencies.txt"))) {
            if (line.startsWith("+- ") || line.startsWith("\\- ")) {
                String[] coordinates = line.substring(3).split(":");
                if (line.endsWith("(optional)")) {
                    optional.put(coordinates[0] + ":" + coordinates[1], coordinates[3]);
                }
            }
        }

        assertThat(optional).containsKeys("com.h2database:h2", "org.postgresql:postgresql");
        assertThat(listed).isEqualTo(optional);
    }

    /** What an embedder has, with the JDBC store's own libraries (README, "Storage") but neither database's. */
    private List<Path> jdbcStoreClassPath() throws IOException {
        List<Path> classPath = new ArrayList<>(embedderClassPath());
        for (String library : List.of("/org/jdbi/jdbi3-core/", "/io/leangen/geantyref/", "/com/zaxxer/HikariCP/",
                "/org/flywaydb/flyway-core/", "/com/github/ben-manes/caffeine/")) {
            assertThat(testClassPathEntries(library)).as(library).hasSize(1);
            classPath.addAll(testClassPathEntries(library));
        }
        classPath.add(copyOfClasses(OpenH2Store.class));
        return classPath;
    }

    /** quiz-core's classes and the jars of its runtime dependencies that are not optional, nor below one that is. */
    private static List<Path> embedderClassPath() throws IOException {
        List<Path> classPath = new ArrayList<>();
        classPath.add(Path.of("target/classes").toAbsolutePath());
        List<String> tree = Files.readAllLines(Path.of("target/runtime-dependencies.txt"));
        int optionalDepth = Integer.MAX_VALUE;
        for (String line : tree.subList(1, tree.size())) {
            int depth = (line.indexOf("- ") - 1) / 3; // "+- " at 0, "|  +- " at 1 …
            if (depth > optionalDepth) {
                continue;
            }
            optionalDepth = Integer.MAX_VALUE;
            if (line.endsWith("(optional)")) {
                optionalDepth = depth;
                continue;
            }
            String[] coordinates = line.substring(line.indexOf("- ") + 2).split(":");
            String jar = "/" + coordinates[0].replace('.', '/') + "/" + coordinates[1] + "/" + coordinates[3] + "/"
                    + coordinates[1] + "-" + coordinates[3] + ".jar";
            List<Path> found = testClassPathEntries(jar);
            assertThat(found).as("%s on the test class path", jar).hasSize(1);
            classPath.addAll(found);
        }
        assertThat(classPath).as("quiz-core's classes and its dependencies").hasSizeGreaterThan(2);
        return classPath;
    }

    private static List<Path> testClassPathEntries(String containing) {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.replace(File.separatorChar, '/').contains(containing))
                .map(Path::of)
                .toList();
    }

    /** The JDBC store's libraries that the class path holds, by name. */
    private static List<String> librariesOn(List<Path> classPath) throws IOException {
        URL[] urls = classPath.stream().map(path -> {
            try {
                return path.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }).toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            return JDBC_LIBRARIES.entrySet().stream()
                    .filter(library -> loader.getResource(library.getKey()) != null)
                    .map(Map.Entry::getValue)
                    .sorted()
                    .toList();
        }
    }

    /** A directory holding only the compiled classes of this top-level test class (and its nested ones). */
    private Path copyOfClasses(Class<?> type) throws IOException {
        String packagePath = type.getPackageName().replace('.', '/');
        Path from = Path.of("target/test-classes").resolve(packagePath);
        Path to = Files.createDirectories(temp.resolve("classes-" + type.getSimpleName()).resolve(packagePath));
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.equals(type.getSimpleName() + ".class") || name.startsWith(type.getSimpleName() + "$")) {
                    Files.copy(file, to.resolve(name));
                }
            }
        }
        return temp.resolve("classes-" + type.getSimpleName());
    }

    private record Result(int exitCode, String output, String errors) {
    }

    private Result run(List<Path> classPath, String mainClass, String argument) throws Exception {
        return run(classPath, List.of(), mainClass, argument);
    }

    private Result run(List<Path> classPath, List<String> jvmOptions, String mainClass, String argument)
            throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String path = String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList());
        Path out = Files.createTempFile(temp, mainClass, ".out");
        Path err = Files.createTempFile(temp, mainClass, ".err");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", path, mainClass, argument));
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(mainClass + " did not end within 120 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
