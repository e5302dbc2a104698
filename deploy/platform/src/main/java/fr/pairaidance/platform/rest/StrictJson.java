package fr.pairaidance.platform.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import fr.pairaidance.platform.validation.Text;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;

/**
 * How the three services read JSON bodies. A value of the wrong JSON type is refused instead of coerced
 * ({@code "10"} or {@code 1.5} for a whole number, {@code 12} for a text, {@code 2} for a code), and a text
 * holding a control character is refused (a 400 naming the field, where PostgreSQL would fail on NUL).
 * Consumed events and stored JSON, accepted when older rules applied, are read with {@link #storedData}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private static final String STORED_DATA = StrictJson.class.getName() + ".storedData";

    /** A text with a control character; carries no value (it may be personal data). */
    public static final class ControlCharacters extends InvalidFormatException {
        ControlCharacters(JsonParser parser) {
            super(parser, "text with a control character", null, String.class);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("pairaidance-text").addDeserializer(String.class, new TextDeserializer()));
    }

    /** A reader for consumed events and stored JSON: their texts were accepted before, and stay readable. */
    public static ObjectReader storedData(ObjectMapper mapper, Class<?> type) {
        return mapper.readerFor(type).withAttribute(STORED_DATA, Boolean.TRUE);
    }

    private static final class TextDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (Text.hasControlCharacters(value) && context.getAttribute(STORED_DATA) == null) {
                throw new ControlCharacters(parser);
            }
            return value;
        }
    }
}
