package org.kydp.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.kydp.quiz.error.FieldError;
import org.kydp.quiz.error.ValidationException;

/** Runs code that must fail validation and returns the fields it names, for assertions that read as lists. */
public final class ValidationErrors {

    private ValidationErrors() {
    }

    /** The fields of the {@link ValidationException} the call throws, in the order reported. */
    public static List<String> fieldsOf(ThrowingCallable call) {
        return errorsOf(call).stream().map(FieldError::field).toList();
    }

    /** The field errors of the {@link ValidationException} the call throws. */
    public static List<FieldError> errorsOf(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a ValidationException").isInstanceOf(ValidationException.class);
        return ((ValidationException) thrown).errors();
    }
}
