package net.defarm.adapters.http.delivery;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.defarm.adapters.http.delivery.PostActionViews.CreatedView;
import net.defarm.adapters.http.delivery.PostActionViews.DeliveryList;
import net.defarm.adapters.http.delivery.PostActionViews.DeliveryView;
import net.defarm.adapters.http.delivery.PostActionViews.Saved;
import net.defarm.adapters.http.delivery.PostActionViews.SettingsView;
import net.defarm.adapters.http.delivery.PostActionViews.TestView;
import net.defarm.adapters.http.delivery.PostActionViews.WebhookView;
import net.defarm.adapters.http.door.Caller;
import net.defarm.adapters.http.support.Done;
import net.defarm.adapters.http.support.Envelope;
import net.defarm.adapters.http.support.HttpJson;
import net.defarm.adapters.http.support.Paging;
import net.defarm.adapters.http.support.Requests;
import net.defarm.application.delivery.ManagePostActions;
import net.defarm.application.shared.Actor;
import net.defarm.application.shared.Page;

/**
 * {@code /api/circuits/{id}/post-actions/...}: a circuit's webhook settings, its webhooks, a real test call and the
 * delivery log. Who may see or change them is decided by the use case.
 */
public final class PostActionRoutes implements HttpService {

    record SettingsBody(Boolean enabled, List<String> triggerEvents, Boolean includeStorageDetails,
                        Boolean includeItemMetadata) {
    }

    record WebhookBody(String name, String url, String method, Map<String, String> headers, String authType,
                       String authCredentials, Boolean enabled) {
        @Override
        public String toString() {
            return "WebhookBody[" + name + "]";
        }
    }

    record WebhookUpdateBody(String name, String url, Boolean enabled) {
    }

    private final ManagePostActions postActions;
    private final HttpJson json;

    public PostActionRoutes(ManagePostActions postActions, HttpJson json) {
        this.postActions = postActions;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}/post-actions", this::settings)
                .put("/{id}/post-actions", this::updateSettings)
                .post("/{id}/post-actions/webhooks", this::createWebhook)
                .get("/{id}/post-actions/webhooks/{webhook_id}", this::webhook)
                .put("/{id}/post-actions/webhooks/{webhook_id}", this::updateWebhook)
                .delete("/{id}/post-actions/webhooks/{webhook_id}", this::deleteWebhook)
                .post("/{id}/post-actions/webhooks/{webhook_id}/test", this::test)
                .get("/{id}/post-actions/deliveries", this::deliveries);
    }

    private static UUID circuitId(ServerRequest req) {
        return Requests.uuidPath(req, "id", "circuit ID");
    }

    private static UUID webhookId(ServerRequest req) {
        return Requests.uuidPath(req, "webhook_id", "webhook ID");
    }

    private void settings(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        json.ok(res, Envelope.of(postActions.configuration(actor, circuitId(req))
                .map(c -> SettingsView.of(c, postActions.policy())).orElse(null)));
    }

    private void updateSettings(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        SettingsBody body = json.read(req, SettingsBody.class);
        var saved = postActions.updateSettings(actor, id, Requests.required(body.enabled(), "enabled"),
                Requests.required(body.triggerEvents(), "trigger_events"),
                Requests.required(body.includeStorageDetails(), "include_storage_details"),
                Requests.required(body.includeItemMetadata(), "include_item_metadata"));
        json.ok(res, new Saved<>(true, "Post-action settings updated", SettingsView.of(saved, postActions.policy())));
    }

    private void createWebhook(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        WebhookBody b = json.read(req, WebhookBody.class);
        ManagePostActions.Created created = postActions.createWebhook(actor, id, new ManagePostActions.NewWebhook(
                b.name(), b.url(), b.method(), b.headers(), b.authType(), b.authCredentials(), b.enabled()));
        json.ok(res, new Saved<>(true, "Webhook created successfully",
                CreatedView.of(created, postActions.policy())));
    }

    private void webhook(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        json.ok(res, Envelope.of(WebhookView.of(postActions.webhook(actor, circuitId(req), webhookId(req)),
                postActions.policy())));
    }

    private void updateWebhook(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        UUID webhook = webhookId(req);
        WebhookUpdateBody b = json.read(req, WebhookUpdateBody.class);
        postActions.updateWebhook(actor, id, webhook, b.name(), b.url(), b.enabled());
        json.ok(res, Done.of("Webhook updated successfully"));
    }

    private void deleteWebhook(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        postActions.deleteWebhook(actor, circuitId(req), webhookId(req));
        json.ok(res, Done.of("Webhook deleted successfully"));
    }

    private void test(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        json.ok(res, TestView.of(postActions.test(actor, circuitId(req), webhookId(req))));
    }

    private void deliveries(ServerRequest req, ServerResponse res) {
        Actor actor = Caller.of(req);
        UUID id = circuitId(req);
        Page<ManagePostActions.Delivery> page = postActions.deliveries(actor, id, Paging.of(req));
        Paging.headers(req, res, page);
        List<DeliveryView> views = page.items().stream().map(d -> DeliveryView.of(d, json.mapper())).toList();
        json.ok(res, new DeliveryList(true, views, views.size()));
    }
}
