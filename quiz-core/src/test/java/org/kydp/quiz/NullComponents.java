package org.kydp.quiz;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds the nulls in a result: in its record components, and theirs, through optionals, collections and maps. */
public final class NullComponents {

    private NullComponents() {
    }

    /** The paths of the nulls in {@code value}, named from {@code path}. */
    public static List<String> in(Object value, String path) {
        return in(value, path, Set.of());
    }

    /** The same, not looking into values of the {@code skipped} types. */
    public static List<String> in(Object value, String path, Set<Class<?>> skipped) {
        List<String> nulls = new ArrayList<>();
        if (value == null) {
            nulls.add(path);
        } else if (skipped.contains(value.getClass())) {
            return nulls;
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                nulls.addAll(in(read(component, value), path + "." + component.getName(), skipped));
            }
        } else if (value instanceof Optional<?> optional) {
            optional.ifPresent(present -> nulls.addAll(in(present, path, skipped)));
        } else if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                nulls.addAll(in(element, path + "[" + index++ + "]", skipped));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> nulls.addAll(in(element, path + "[" + key + "]", skipped)));
        }
        return nulls;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
