package net.defarm.bootstrap.http.golden;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.defarm.adapters.security.AesGcmSecretBox;
import net.defarm.application.delivery.DispatchOutbox;
import net.defarm.application.delivery.MailMessage;
import net.defarm.bootstrap.Service;
import net.defarm.bootstrap.http.ApiClient;
import net.defarm.bootstrap.http.ApiClient.Response;
import net.defarm.domain.delivery.OutboxMessage;

/**
 * What the scenario's steps share: the client, the users (created on first use under fixed names), values one
 * step leaves for another, and the recording. A call names its route template ({@code /api/items/{dfid}/split})
 * and the values of its parameters, so the recording knows which route it covers without guessing from the path.
 */
final class Scene {

    /** The password ApiClient signs users up with. */
    private static final String PASSWORD = "Str0ng!Pass";
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");

    /** Who calls: a label for the golden files and the credential sent (none for anonymous calls). */
    record Who(String label, String token, String id) {
    }

    /** One request and its answer, as sent and received (normalised only when written). */
    record Exchange(String route, Who who, String path, String body, Response response) {
    }

    final ApiClient api;
    final Service service;
    private final Map<String, Who> users = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Map<String, List<Exchange>> recorded = new LinkedHashMap<>();
    private final Set<String> perStore = new TreeSet<>();
    private final String store;
    private final String secretKey;

    /**
     * {@code store} names the store mode, for the few answers that rightly differ between stores; {@code secretKey}
     * is the service's sealing key, to read the mail it queued.
     */
    Scene(ApiClient api, Service service, String store, String secretKey) {
        this.api = api;
        this.service = service;
        this.store = store;
        this.secretKey = secretKey;
    }

    /** The user named {@code label}, registered (unrecorded) on first use; its id reads {@code <user:label>}. */
    Who user(String label) {
        return users.computeIfAbsent(label, l -> {
            ApiClient.User u = api.signUpUser("golden-" + l);
            alias(u.id(), "<user:" + l + ">");
            return new Who(l, u.token(), u.id());
        });
    }

    /**
     * The administrator named {@code label}, made on first use through the use cases (no route makes the first
     * one) and signed in, unrecorded; its id reads {@code <user:label>}.
     */
    Who administrator(String label) {
        return users.computeIfAbsent(label, l -> {
            String name = "golden-" + l;
            service.useCases().admin().setup().createAdmin(name, name + "@example.com", PASSWORD);
            Response r = api.post("/api/auth/login", null, "{\"username\":\"" + name + "\",\"password\":\""
                    + PASSWORD + "\"}");
            if (r.status() != 200) {
                throw new IllegalStateException("administrator sign-in failed: " + r.status() + " " + r.body());
            }
            alias(r.text("user_id"), "<user:" + l + ">");
            return new Who(l, r.text("token"), r.text("user_id"));
        });
    }

    /**
     * The reset token last mailed to {@code address}. The scenario's service runs without a dispatcher, so the
     * mail is still in the outbox: it is claimed there and opened with the service's key, as the dispatcher would.
     */
    String mailedResetToken(String address) {
        AesGcmSecretBox box = new AesGcmSecretBox(secretKey);
        String token = null;
        for (OutboxMessage m : service.storage().outbox().claimDue(Instant.now(), Duration.ofHours(1), 100)) {
            if (OutboxMessage.MAIL.equals(m.topic())) {
                MailMessage mail = MailMessage.decode(box.open(m.payload()));
                token = mail.to().equals(address) ? mail.secret() : token;
            }
        }
        if (token == null) {
            throw new IllegalStateException("no reset mail to " + address + " in the outbox");
        }
        return token;
    }

    /**
     * Delivers what the outbox holds now, once, as the dispatcher the scenario's service runs without would: the
     * {@code anchor} messages of pushes and migrations become storage records. Called by the steps at fixed points
     * (never beside a request), so that the records, their order and the ledger are the same every run.
     */
    void dispatchOutbox() {
        DispatchOutbox.Summary done = service.useCases().delivery().dispatch().drain();
        if (done.delivered() != done.claimed()) {
            throw new IllegalStateException("the outbox did not deliver everything it held: " + done);
        }
    }

    /** Another credential for an existing user (say, an API key), shown in the goldens as {@code label}. */
    Who credential(String label, String token, String id) {
        return new Who(label, token, id);
    }

    Who anonymous() {
        return new Who("anonymous", null, null);
    }

    /** Makes {@code value} read as {@code name} in every golden file (a user id, the webhook receiver's address). */
    void alias(String value, String name) {
        aliases.put(value, name);
    }

    Map<String, String> aliases() {
        return aliases;
    }

    void put(String name, String value) {
        values.put(name, value);
    }

    /** A value an earlier step left; failing loudly names the missing one (a step moved before its source). */
    String get(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("no value '" + name + "' yet: the step that leaves it must run first");
        }
        return value;
    }

    Call as(Who who) {
        return new Call(who, 200, 299, false);
    }

    /** The store whose answers a per-store golden file holds ({@code memory}, {@code postgres}...). */
    String store() {
        return store;
    }

    /** Routes whose golden file is kept per store. */
    Set<String> perStore() {
        return perStore;
    }

    /** Every exchange, by route ("METHOD /template"), in the order the scenario played them. */
    Map<String, List<Exchange>> recorded() {
        return recorded;
    }

    /** One call being made: who makes it, and the status it must get (a 2xx unless told otherwise). */
    final class Call {
        private final Who who;
        private final int low;
        private final int high;
        private final boolean storeDependent;

        private Call(Who who, int low, int high, boolean storeDependent) {
            this.who = who;
            this.low = low;
            this.high = high;
            this.storeDependent = storeDependent;
        }

        /** The call is one of the route's error cases: it must answer exactly {@code status}. */
        Call expect(int status) {
            return new Call(who, status, status, storeDependent);
        }

        /**
         * The answer rightly depends on the store (say, the database health of a service without a database): the
         * route's golden file is kept per store, with any status. Only for such routes; all others share one file.
         */
        Call perStore() {
            return new Call(who, 100, 599, true);
        }

        Response get(String template, String... args) {
            return send("GET", template, null, args);
        }

        Response delete(String template, String... args) {
            return send("DELETE", template, null, args);
        }

        Response post(String template, String body, String... args) {
            return send("POST", template, body, args);
        }

        Response put(String template, String body, String... args) {
            return send("PUT", template, body, args);
        }

        Response patch(String template, String body, String... args) {
            return send("PATCH", template, body, args);
        }

        /** {@code template} may end with a query ({@code /api/items?limit=1}); the route is the part before it. */
        private Response send(String method, String template, String body, String... args) {
            int query = template.indexOf('?');
            String route = method + " " + (query < 0 ? template : template.substring(0, query));
            String path = fill(template, args);
            Response r = switch (method) {
                case "GET" -> api.get(path, who.token());
                case "DELETE" -> api.delete(path, who.token());
                case "POST" -> api.post(path, who.token(), body);
                case "PUT" -> api.put(path, who.token(), body);
                case "PATCH" -> api.patch(path, who.token(), body);
                default -> throw new IllegalArgumentException(method);
            };
            if (r.status() < low || r.status() > high) {
                throw new AssertionError(route + " as " + who.label() + " (" + path + ") answered " + r.status()
                        + ", the scenario expects " + (low == high ? low : "a 2xx") + ": " + r.raw().body());
            }
            if (storeDependent) {
                perStore.add(route);
            }
            recorded.computeIfAbsent(route, k -> new ArrayList<>()).add(new Exchange(route, who, path, body, r));
            return r;
        }
    }

    private static String fill(String template, String... args) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        int next = 0;
        while (m.find()) {
            if (next >= args.length) {
                throw new IllegalArgumentException("no value for " + m.group() + " in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(args[next++], StandardCharsets.UTF_8)
                    .replace("+", "%20")));
        }
        if (next != args.length) {
            throw new IllegalArgumentException(args.length + " values for " + next + " parameters of " + template);
        }
        return m.appendTail(out).toString();
    }
}
