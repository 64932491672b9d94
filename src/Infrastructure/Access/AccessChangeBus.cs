using System.Globalization;
using LlmPlatform.Application.Access;
using LlmPlatform.Application.Access.UserAccounts;
using LlmPlatform.Application.Catalog.Lifecycle;
using LlmPlatform.Infrastructure.Redis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using StackExchange.Redis;

namespace LlmPlatform.Infrastructure.Access;

/// <summary>
/// Spreads cache invalidations to every node: applied here at once, and published on a Redis channel that every
/// node of this deployment subscribes to (without Redis there is only this node).
/// </summary>
internal sealed partial class AccessChangeBus : IAccessChangeNotifier, IHostedService
{
    private const string Everything = "*";

    private readonly IKeyCache _keys;
    private readonly EndUserDirectory _endUsers;
    private readonly UserProviderKeys _userKeys;
    private readonly IModelRuntimeState _models;
    private readonly RedisConnection _redis;
    private readonly RedisChannel _channel;
    private readonly ILogger<AccessChangeBus> _logger;

    public AccessChangeBus(
        IKeyCache keys,
        EndUserDirectory endUsers,
        UserProviderKeys userKeys,
        IModelRuntimeState models,
        RedisConnection redis,
        NpgsqlDataSource dataSource,
        ILogger<AccessChangeBus> logger)
    {
        _keys = keys;
        _endUsers = endUsers;
        _userKeys = userKeys;
        _models = models;
        _redis = redis;
        _logger = logger;
        _channel = RedisChannel.Literal(RedisNamespace.Of(dataSource) + "access-changes");
    }

    public Task KeysChangedAsync(IReadOnlyList<string> keyHashes, CancellationToken cancellationToken) =>
        keyHashes.Count == 0 ? Task.CompletedTask : PublishAsync(keyHashes.Select(h => "k:" + h).ToList());

    public Task TeamChangedAsync(string teamId, CancellationToken cancellationToken) => PublishAsync(["t:" + teamId]);

    public Task UserProviderKeysChangedAsync(string userId, CancellationToken cancellationToken) => PublishAsync(["u:" + userId]);

    /// <summary>The message carries the state itself (<c>m:1:&lt;unix ms&gt;:&lt;group&gt;</c>), so no node reads it back.</summary>
    public Task ModelRuntimeChangedAsync(string modelGroup, ModelRuntime runtime, CancellationToken cancellationToken) =>
        PublishAsync([FormattableString.Invariant($"m:{(runtime.Loaded ? 1 : 0)}:{runtime.Since.ToUnixTimeMilliseconds()}:{modelGroup}")]);

    public Task EverythingChangedAsync(CancellationToken cancellationToken) => PublishAsync([Everything]);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_redis.Multiplexer is not { } multiplexer)
        {
            return;
        }

        try
        {
            await multiplexer.GetSubscriber().SubscribeAsync(_channel, (_, message) => Apply(message.ToString())).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogSubscribeFailed(_logger, ex.GetType().Name);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_redis.Multiplexer is { IsConnected: true } multiplexer)
        {
            try
            {
                await multiplexer.GetSubscriber().UnsubscribeAsync(_channel).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                LogSubscribeFailed(_logger, ex.GetType().Name);
            }
        }
    }

    private async Task PublishAsync(IReadOnlyList<string> messages)
    {
        foreach (var message in messages)
        {
            Apply(message);
        }

        if (_redis.Multiplexer is not { } multiplexer)
        {
            return;
        }

        try
        {
            var subscriber = multiplexer.GetSubscriber();
            foreach (var message in messages)
            {
                await subscriber.PublishAsync(_channel, message).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogPublishFailed(_logger, ex.GetType().Name);
        }
    }

    private void Apply(string message)
    {
        if (message.StartsWith("k:", StringComparison.Ordinal))
        {
            _keys.Invalidate(message[2..]);
        }
        else if (message.StartsWith("t:", StringComparison.Ordinal))
        {
            _keys.InvalidateTeam(message[2..]);
        }
        else if (message.StartsWith("u:", StringComparison.Ordinal))
        {
            _userKeys.Forget(message[2..]);
        }
        else if (message.StartsWith("m:", StringComparison.Ordinal))
        {
            ApplyModelRuntime(message);
        }
        else
        {
            _keys.InvalidateAll();
            _endUsers.InvalidateAll();
            _userKeys.ForgetAll();
        }
    }

    private void ApplyModelRuntime(string message)
    {
        var parts = message.Split(':', 4);
        if (parts.Length == 4 && long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var since))
        {
            _models.Apply(parts[3], new ModelRuntime(parts[1] == "1", DateTimeOffset.FromUnixTimeMilliseconds(since)));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to access changes ({Error}); other nodes' changes arrive when cached entries expire")]
    private static partial void LogSubscribeFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish an access change ({Error}); other nodes see it when their cached entries expire")]
    private static partial void LogPublishFailed(ILogger logger, string error);
}
