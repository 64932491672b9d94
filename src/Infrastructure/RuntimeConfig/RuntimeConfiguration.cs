using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Domain.Access;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Catalog;
using LlmPlatform.Infrastructure.Configuration;
using LlmPlatform.Infrastructure.Gateway.Routing;
using LlmPlatform.Infrastructure.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmPlatform.Infrastructure.RuntimeConfig;

/// <summary>
/// Keeps this node's catalog, credentials and router settings in step with the database. A change made here
/// reloads at once and is announced on Redis; other nodes reload when they hear it, and every node also polls the
/// version counter as a safety net for when Redis is down or absent.
/// </summary>
internal sealed partial class RuntimeConfiguration : IHostedService, IDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    private readonly PlatformConfiguration _configuration;
    private readonly RuntimeConfigRepository _repository;
    private readonly CredentialCipher _cipher;
    private readonly RouterOptions _router;
    private readonly RuntimeModelCatalog _catalog;
    private readonly RuntimeConfigChannel _channel;
    private readonly IKeyCache _keys;
    private readonly TimeProvider _time;
    private readonly ILogger<RuntimeConfiguration> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private volatile RuntimeState _state = RuntimeState.Empty;
    private Task _polling = Task.CompletedTask;
    private readonly HashSet<string> _fileIds;
    private bool _subscribed;
    private HashSet<string> _groupMembers = new(StringComparer.Ordinal);

    public RuntimeConfiguration(
        PlatformConfiguration configuration,
        RuntimeConfigRepository repository,
        CredentialCipher cipher,
        RouterOptions router,
        RuntimeModelCatalog catalog,
        RuntimeConfigChannel channel,
        IKeyCache keys,
        TimeProvider time,
        ILogger<RuntimeConfiguration> logger)
    {
        _configuration = configuration;
        _repository = repository;
        _cipher = cipher;
        _router = router;
        _catalog = catalog;
        _channel = channel;
        _keys = keys;
        _time = time;
        _logger = logger;
        BaseRouter = router.Settings;
        _fileIds = configuration.Deployments.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The configuration file's router settings, under the stored changes.</summary>
    public RouterSettings BaseRouter { get; }

    public RuntimeState State => _state;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_cipher.IsConfigured)
        {
            LogNoEncryptionKey(_logger);
        }

        try
        {
            await ReloadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReloadFailed(_logger, ex.Message);
        }

        await TrySubscribeAsync().ConfigureAwait(false);
        _polling = PollAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _polling.ConfigureAwait(false);
        try
        {
            await _channel.UnsubscribeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogChannelFailed(_logger, _channel.Name, ex.Message);
        }
    }

    /// <summary>After a change stored by this node: reload now, then tell the others.</summary>
    public async Task ChangedAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _channel.PublishAsync(_state.Version).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogChannelFailed(_logger, _channel.Name, ex.Message);
        }
    }

    /// <summary>Reloads when the stored version differs from the one in force.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var version = await _repository.VersionAsync(cancellationToken).ConfigureAwait(false);
            if (version == _state.Version)
            {
                return;
            }

            var stored = await _repository.LoadAsync(cancellationToken).ConfigureAwait(false);
            var state = new RuntimeState(stored.Version, ReadCredentials(stored.Credentials), ReadModels(stored.Models), ReadRouterOverride(stored.RouterSettingsJson));
            Apply(state);
            LogReloaded(_logger, state.Version, state.Models.Count, state.Credentials.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Dispose();
        _stopping.Dispose();
    }

    private void Apply(RuntimeState state)
    {
        var router = BaseRouter;
        if (state.RouterOverride.Count > 0)
        {
            try
            {
                router = YamlConfigLoader.ParseRouter(ModelEntries.ToElement(state.RouterOverride), BaseRouter, []);
            }
            catch (ConfigurationException ex)
            {
                LogStoredRouterInvalid(_logger, ex.Message);
            }
        }

        _router.Replace(router);
        var credentials = _configuration.Credentials.Concat(state.Credentials).ToList();
        var entries = _configuration.Deployments.Select(d => new CatalogEntry(d, false, null, null))
            .Concat(state.Models.Where(m => !_fileIds.Contains(m.Id)).Select(m => new CatalogEntry(m.Deployment, true, m.PublicParams, m.Info)));
        _catalog.Replace(new CatalogSnapshot(CatalogSnapshot.WithCredentials(entries, credentials), router.ModelGroupAlias));
        _state = state;

        // A cached key holds its access groups expanded to model names, read from the deployments when it was loaded:
        // when a deployment joins or leaves a group, every node drops its keys once the new catalog is in force.
        var members = _catalog.AllDeployments.SelectMany(d => d.Settings.AccessGroups.Select(g => g + "\n" + d.ModelName)).ToHashSet(StringComparer.Ordinal);
        if (!members.SetEquals(_groupMembers))
        {
            _groupMembers = members;
            _keys.InvalidateAll();
        }
    }

    private List<Credential> ReadCredentials(IReadOnlyList<CredentialRow> rows)
    {
        var result = new List<Credential>();
        foreach (var row in rows)
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            var readable = true;
            foreach (var (field, ciphertext) in JsonSerializer.Deserialize<Dictionary<string, string>>(row.ValuesJson) ?? [])
            {
                var clear = _cipher.Decrypt(ciphertext, StorageContexts.Credential(row.Name, field));
                if (!clear.IsSuccess)
                {
                    LogCredentialUnreadable(_logger, row.Name, clear.Error!.Message);
                    readable = false;
                    break;
                }

                values[field] = clear.Value;
            }

            var credential = readable ? Credential.Create(row.Name, values, row.InfoJson) : default;
            if (readable && credential.IsSuccess)
            {
                result.Add(credential.Value);
            }
        }

        return result;
    }

    private List<StoredModel> ReadModels(IReadOnlyList<ModelRow> rows)
    {
        var result = new List<StoredModel>();
        foreach (var row in rows)
        {
            var visible = JsonNode.Parse(row.ParamsJson) as JsonObject ?? new JsonObject();
            var info = JsonNode.Parse(row.InfoJson) as JsonObject ?? new JsonObject();
            var parameters = (JsonObject)visible.DeepClone();
            foreach (var (field, ciphertext) in JsonSerializer.Deserialize<Dictionary<string, string>>(row.SecretsJson) ?? [])
            {
                var clear = _cipher.Decrypt(ciphertext, StorageContexts.Model(row.Id, field));
                if (clear.IsSuccess)
                {
                    parameters[field] = clear.Value;
                }
                else
                {
                    LogModelSecretUnreadable(_logger, row.Id, field, clear.Error!.Message);
                }
            }

            var entry = new JsonObject
            {
                ["model_name"] = row.ModelName,
                ["litellm_params"] = parameters,
                ["model_info"] = info.DeepClone(),
            };
            var parsed = ModelEntries.Parse(entry, row.Id, []);
            if (!parsed.IsSuccess)
            {
                LogStoredModelInvalid(_logger, row.Id, parsed.Error!.Message);
                continue;
            }

            result.Add(new StoredModel(row.Id, entry, ModelEntries.ToElement(visible), ModelEntries.ToElement(info), parsed.Value));
        }

        return result;
    }

    private static JsonObject ReadRouterOverride(string? json) =>
        json is null ? new JsonObject() : JsonNode.Parse(json) as JsonObject ?? new JsonObject();

    private void OnChangeAnnounced(long version)
    {
        if (version != _state.Version)
        {
            _ = ReloadQuietlyAsync();
        }
    }

    private async Task ReloadQuietlyAsync()
    {
        try
        {
            await ReloadAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            LogReloadFailed(_logger, ex.Message);
        }
    }

    /// <summary>Subscribes to change notices; when Redis is unreachable now, the poll tries again on its next tick.</summary>
    private async Task TrySubscribeAsync()
    {
        if (!_channel.IsConfigured)
        {
            return;
        }

        try
        {
            await _channel.SubscribeAsync(OnChangeAnnounced).ConfigureAwait(false);
            _subscribed = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogChannelFailed(_logger, _channel.Name, ex.Message);
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await ReloadQuietlyAsync().ConfigureAwait(false);
                if (!_subscribed)
                {
                    await TrySubscribeAsync().ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No encryption key is configured (general_settings.encryption_key, salt_key or LLMPLATFORM_ENCRYPTION_KEY): credentials and model secrets cannot be stored through the API")]
    private static partial void LogNoEncryptionKey(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run-time configuration version {Version} in force: {Models} stored model(s), {Credentials} stored credential(s)")]
    private static partial void LogReloaded(ILogger logger, long version, int models, int credentials);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading the run-time configuration failed; the previous one stays in force: {Reason}")]
    private static partial void LogReloadFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change notices on Redis channel {Channel} are unavailable ({Reason}); changes arrive by polling instead")]
    private static partial void LogChannelFailed(ILogger logger, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored credential {Name} is skipped: {Reason}")]
    private static partial void LogCredentialUnreadable(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored model {Id}: the secret {Field} is skipped: {Reason}")]
    private static partial void LogModelSecretUnreadable(ILogger logger, string id, string field, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored model {Id} is skipped: {Reason}")]
    private static partial void LogStoredModelInvalid(ILogger logger, string id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored router settings are not valid and are ignored: {Reason}")]
    private static partial void LogStoredRouterInvalid(ILogger logger, string reason);
}
