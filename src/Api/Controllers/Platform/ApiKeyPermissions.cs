namespace LlmPlatform.Api.Controllers.Platform;

/// <summary>
/// The Platform API's key permissions, each a set of routes (a key's <c>allowed_routes</c>; a trailing <c>*</c> is a
/// prefix). A key with permissions may call only their routes; a key without any, whatever its owner may.
/// </summary>
internal static class ApiKeyPermissions
{
    /// <summary>Where a key's permissions are kept, so that listing it shows them.</summary>
    public const string MetadataField = "permissions";

    private static readonly Dictionary<string, string[]> Routes = new(StringComparer.Ordinal)
    {
        ["inference"] =
        [
            "/v1/chat/completions", "/chat/completions", "/v1/completions", "/completions", "/v1/embeddings", "/embeddings",
            "/v1/moderations", "/moderations", "/v1/rerank", "/rerank", "/v2/rerank", "/v1/images/*", "/images/*",
            "/v1/messages*", "/openai/deployments/*",
        ],
        ["models.read"] = ["/v1/models*", "/models*"],
        ["files"] = ["/v1/files*", "/files*"],
        ["batches"] = ["/v1/batches*", "/batches*"],
        ["fine_tuning"] = ["/v1/fine_tuning/*", "/fine_tuning/*", "/v1/fine-tuning/*", "/fine-tuning/*"],
        ["usage.read"] = ["/v1/usage*", "/usage*"],
        ["webhooks"] = ["/v1/webhooks*", "/webhooks*"],
        ["api_keys"] = ["/v1/auth/api-keys*", "/auth/api-keys*"],
    };

    public static IEnumerable<string> Known => Routes.Keys.Order(StringComparer.Ordinal);

    public static bool IsKnown(string permission) => Routes.ContainsKey(permission);

    /// <summary>The routes the permissions allow, or null (no restriction) when there are none.</summary>
    public static IReadOnlyList<string>? RoutesOf(IReadOnlyList<string> permissions) =>
        permissions.Count == 0 ? null : permissions.SelectMany(p => Routes[p]).Distinct(StringComparer.Ordinal).ToList();
}
