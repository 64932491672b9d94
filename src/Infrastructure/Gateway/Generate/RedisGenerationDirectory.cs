using System.Text.Json;
using System.Text.Json.Serialization;
using LlmPlatform.Application.Gateway.Generate;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Redis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using StackExchange.Redis;

namespace LlmPlatform.Infrastructure.Gateway.Generate;

/// <summary>
/// Generations recorded in Redis (one key per request, which expires on its own) and cancels carried to every node
/// on a Redis channel. Without Redis there is one node: nothing is recorded and a cancel is only this node's.
/// </summary>
internal sealed partial class RedisGenerationDirectory : IGenerationDirectory, IHostedService
{
    private readonly RedisConnection _redis;
    private readonly string _prefix;
    private readonly RedisChannel _cancels;
    private readonly ILogger<RedisGenerationDirectory> _logger;
    private Action<string, string>? _cancel;

    public RedisGenerationDirectory(RedisConnection redis, NpgsqlDataSource dataSource, ILogger<RedisGenerationDirectory> logger)
    {
        _redis = redis;
        _logger = logger;
        var space = RedisNamespace.Of(dataSource);
        _prefix = space + "generation:";
        _cancels = RedisChannel.Literal(space + "generation-cancels");
    }

    public async Task PublishAsync(SharedGeneration generation, TimeSpan keepFor, CancellationToken cancellationToken)
    {
        // Not connected (no Redis, or an outage): this node alone, at once, rather than each call waiting out a timeout.
        if (_redis.Multiplexer is not { IsConnected: true } multiplexer)
        {
            return;
        }

        try
        {
            var json = JsonSerializer.Serialize(generation, GenerationJsonContext.Default.SharedGeneration);
            await multiplexer.GetDatabase().StringSetAsync(Key(generation.Status.RequestId, generation.Owner), json, keepFor).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            LogStoreFailed(_logger, ex.GetType().Name);
        }
    }

    public async Task<SharedGeneration?> FindAsync(string requestId, string owner, CancellationToken cancellationToken)
    {
        if (_redis.Multiplexer is not { IsConnected: true } multiplexer)
        {
            return null;
        }

        try
        {
            var json = await multiplexer.GetDatabase().StringGetAsync(Key(requestId, owner)).ConfigureAwait(false);
            return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize((string)json!, GenerationJsonContext.Default.SharedGeneration);
        }
        catch (Exception ex) when (IsStoreFailure(ex) || ex is JsonException)
        {
            LogStoreFailed(_logger, ex.GetType().Name);
            return null;
        }
    }

    public async Task RequestCancelAsync(string requestId, string owner, CancellationToken cancellationToken)
    {
        if (_redis.Multiplexer is not { IsConnected: true } multiplexer)
        {
            return;
        }

        try
        {
            // Neither part can hold a line break: the id comes from a header, the owner is a kind and an id.
            await multiplexer.GetSubscriber().PublishAsync(_cancels, requestId + "\n" + owner).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            LogStoreFailed(_logger, ex.GetType().Name);
        }
    }

    public void OnCancelRequested(Action<string, string> cancel) => _cancel = cancel;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_redis.Multiplexer is not { } multiplexer)
        {
            return;
        }

        try
        {
            await multiplexer.GetSubscriber().SubscribeAsync(_cancels, (_, message) => Receive(message.ToString())).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            LogStoreFailed(_logger, ex.GetType().Name);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_redis.Multiplexer is { IsConnected: true } multiplexer)
        {
            try
            {
                await multiplexer.GetSubscriber().UnsubscribeAsync(_cancels).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsStoreFailure(ex))
            {
                LogStoreFailed(_logger, ex.GetType().Name);
            }
        }
    }

    /// <summary>
    /// Redis failed or is going away: a connection dropped between the connected check and the call, or the
    /// multiplexer disposed at shutdown while a call was under way. This node then works alone.
    /// </summary>
    private static bool IsStoreFailure(Exception ex) => ex is RedisException or TimeoutException or ObjectDisposedException;

    /// <summary>One key per owner and request id (an owner is a kind and an id, such as <c>user:42</c>).</summary>
    private string Key(string requestId, string owner) => _prefix + owner + "/" + requestId;

    private void Receive(string message)
    {
        var split = message.IndexOf('\n', StringComparison.Ordinal);
        if (split > 0)
        {
            _cancel?.Invoke(message[..split], message[(split + 1)..]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach the generation records in Redis ({Error}); other nodes' generations are not seen from here")]
    private static partial void LogStoreFailed(ILogger logger, string error);
}

/// <summary>How generation records are stored in Redis.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SharedGeneration))]
internal sealed partial class GenerationJsonContext : JsonSerializerContext
{
}
