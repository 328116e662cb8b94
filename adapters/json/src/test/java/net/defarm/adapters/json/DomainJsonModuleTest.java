package net.defarm.adapters.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import net.defarm.domain.shared.JsonObject;
import net.defarm.domain.shared.JsonValue;
import org.junit.jupiter.api.Test;

class DomainJsonModuleTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new DomainJsonModule());

    record Holder(JsonObject data) {
    }

    @Test
    void roundTripsEveryKindOfValueCanonically() throws Exception {
        String json = "{\"z\":[1,2.5,1.0,true,null,\"s\\u0001\"],\"a\":{\"n\":-3,\"big\":18446744073709551615,"
                + "\"f\":1e21,\"u\":\"é\"}}";
        JsonValue value = mapper.readValue(json, JsonValue.class);
        String canonical = "{\"a\":{\"big\":18446744073709551615,\"f\":1e21,\"n\":-3,\"u\":\"é\"},"
                + "\"z\":[1,2.5,1.0,true,null,\"s\\u0001\"]}";
        assertEquals(canonical, value.toCanonicalJson());
        assertEquals(value, mapper.readValue(mapper.writeValueAsString(value), JsonValue.class));
    }

    @Test
    void objectFieldsRefuseNonObjects() throws Exception {
        assertInstanceOf(JsonObject.class, mapper.readValue("{\"data\":{\"k\":1}}", Holder.class).data());
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"data\":[1]}", Holder.class));
        assertEquals(null, mapper.readValue("{\"data\":null}", Holder.class).data());
    }
}
