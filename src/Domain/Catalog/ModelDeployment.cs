using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Domain.Catalog;

/// <summary>
/// One upstream deployment that serves a public model name (a model group may hold several).
/// Built from a <c>model_list</c> entry; guards its own invariants.
/// </summary>
public sealed class ModelDeployment
{
    /// <summary>What separates a deployment's id from the user's in the <see cref="HealthKey"/> of a user's own key.</summary>
    private const string UserHealthKeyMark = "\u001fuser:";

    private ModelDeployment(
        string id,
        string modelName,
        string provider,
        string upstreamModel,
        DeploymentSettings settings,
        ModelPricing pricing)
    {
        Id = id;
        ModelName = modelName;
        Provider = provider;
        UpstreamModel = upstreamModel;
        Settings = settings;
        Pricing = pricing;
        HealthKey = id;
    }

    /// <summary>The providers whose public endpoint a deployment without <c>api_base</c> calls with one API key.</summary>
    private static readonly HashSet<string> PublicEndpointProviders = new(StringComparer.Ordinal) { "openai", "anthropic", "gemini", "cohere" };

    /// <summary>The deployment id (<c>model_info.id</c>, or derived from its position when absent).</summary>
    public string Id { get; }

    /// <summary>The public model name clients send (<c>model_name</c>).</summary>
    public string ModelName { get; }

    /// <summary>The provider prefix of <c>litellm_params.model</c>, such as <c>openai</c> or <c>mock</c>.</summary>
    public string Provider { get; }

    /// <summary>The model name the upstream expects (the part after the provider prefix).</summary>
    public string UpstreamModel { get; }

    public DeploymentSettings Settings { get; }

    public ModelPricing Pricing { get; }

    /// <summary>
    /// What the router keeps this deployment's health (cooldowns, latency, load) under: its id, or for a copy running
    /// on a user's own key that user's own entry, so that one user's exhausted or revoked key never cools the
    /// deployment down for everybody else.
    /// </summary>
    public string HealthKey { get; private init; }

    /// <summary>Whether a caller's own key for <see cref="Provider"/> may replace this deployment's key (see <see cref="DeploymentSettings.AllowUserProviderKeys"/>).</summary>
    public bool TakesUserProviderKeys =>
        Settings.AllowUserProviderKeys ?? (Settings.ApiBase is null && PublicEndpointProviders.Contains(Provider));

    /// <summary>This deployment calling with a user's own key, its health kept apart under that user.</summary>
    public ModelDeployment WithUserKey(string apiKey, string userId) =>
        new(Id, ModelName, Provider, UpstreamModel, Settings with { ApiKey = apiKey, CredentialName = null }, Pricing)
        {
            HealthKey = Id + UserHealthKeyMark + userId,
        };

    /// <summary>Whether a <see cref="HealthKey"/> is that of a deployment running on a user's own key.</summary>
    public static bool IsPerUserHealthKey(string healthKey) => healthKey.Contains(UserHealthKeyMark, StringComparison.Ordinal);

    public static ModelDeployment Create(
        string id,
        string modelName,
        string providerQualifiedModel,
        DeploymentSettings settings,
        ModelPricing pricing)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new DomainException("A deployment needs an id.");
        }

        if (string.IsNullOrWhiteSpace(modelName))
        {
            throw new DomainException("A deployment needs a model_name.");
        }

        var (provider, upstream) = SplitProvider(providerQualifiedModel);
        if (settings.Weight < 0)
        {
            throw new DomainException("A deployment's weight cannot be negative.");
        }

        return new ModelDeployment(id, modelName, provider, upstream, settings, pricing);
    }

    /// <summary>
    /// This deployment with the named credential's values filled in where its own <c>litellm_params</c> leave them
    /// unset (an explicit <c>api_key</c> or <c>api_base</c> wins).
    /// </summary>
    public ModelDeployment WithCredential(Credential credential)
    {
        var values = credential.Values;
        string? Value(string key) => values.TryGetValue(key, out var value) ? value : null;
        var settings = Settings with
        {
            ApiKey = Settings.ApiKey ?? Value("api_key"),
            ApiBase = Settings.ApiBase ?? (Value("api_base") ?? Value("base_url"))?.TrimEnd('/'),
            ApiVersion = Settings.ApiVersion ?? Value("api_version"),
            AwsAccessKeyId = Settings.AwsAccessKeyId ?? Value("aws_access_key_id"),
            AwsSecretAccessKey = Settings.AwsSecretAccessKey ?? Value("aws_secret_access_key"),
            AwsSessionToken = Settings.AwsSessionToken ?? Value("aws_session_token"),
            AwsRegionName = Settings.AwsRegionName ?? Value("aws_region_name") ?? Value("region_name"),
        };
        return new ModelDeployment(Id, ModelName, Provider, UpstreamModel, settings, Pricing);
    }

    /// <summary>Splits <c>provider/model</c>; a name without a prefix is an OpenAI model, as LiteLLM treats it.</summary>
    public static (string Provider, string Model) SplitProvider(string providerQualifiedModel)
    {
        if (string.IsNullOrWhiteSpace(providerQualifiedModel))
        {
            throw new DomainException("A deployment needs litellm_params.model.");
        }

        var slash = providerQualifiedModel.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return ("openai", providerQualifiedModel);
        }

        var provider = providerQualifiedModel[..slash].ToLowerInvariant();
        var model = providerQualifiedModel[(slash + 1)..];
        if (model.Length == 0)
        {
            throw new DomainException($"'{providerQualifiedModel}' names a provider but no model.");
        }

        return (provider, model);
    }
}
