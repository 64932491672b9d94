using System.Text.Json;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Application.Operations.Routing;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Configuration;
using LlmPlatform.Infrastructure.Gateway.Routing;

namespace LlmPlatform.Infrastructure.RuntimeConfig;

/// <summary>Router settings changed at run time: stored as the keys given, applied over the file's settings on every node.</summary>
internal sealed class RouterSettingsStore : IRouterSettingsStore
{
    private readonly RuntimeConfiguration _runtime;
    private readonly RuntimeConfigRepository _repository;
    private readonly RouterOptions _options;

    public RouterSettingsStore(RuntimeConfiguration runtime, RuntimeConfigRepository repository, RouterOptions options)
    {
        _runtime = runtime;
        _repository = repository;
        _options = options;
    }

    public RouterSettings Current => _options.Settings;

    public Result<RouterSettings> Preview(JsonElement changes) => Parse(JsonMerge.Apply(_runtime.State.RouterOverride, changes));

    public async Task<Result<RouterSettings>> SaveAsync(JsonElement changes, CancellationToken cancellationToken)
    {
        var merged = JsonMerge.Apply(_runtime.State.RouterOverride, changes);
        var parsed = Parse(merged);
        if (!parsed.IsSuccess)
        {
            return parsed;
        }

        await _repository.SaveRouterSettingsAsync(merged.ToJsonString(), cancellationToken).ConfigureAwait(false);
        await _runtime.ChangedAsync(cancellationToken).ConfigureAwait(false);
        return _options.Settings;
    }

    private Result<RouterSettings> Parse(System.Text.Json.Nodes.JsonObject merged)
    {
        var warnings = new List<string>();
        try
        {
            var settings = YamlConfigLoader.ParseRouter(ModelEntries.ToElement(merged), _runtime.BaseRouter, warnings);
            return warnings.Count > 0 ? Error.Validation(warnings[0]) : settings;
        }
        catch (ConfigurationException ex)
        {
            return Error.Validation(ex.Message, ex.Key);
        }
    }
}
