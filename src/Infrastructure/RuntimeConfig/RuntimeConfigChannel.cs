using LlmPlatform.Infrastructure.Redis;
using Npgsql;
using StackExchange.Redis;

namespace LlmPlatform.Infrastructure.RuntimeConfig;

/// <summary>
/// The Redis pub/sub channel on which a node announces a change of the run-time configuration. The channel is
/// named after the database, so gateways sharing a Redis but not a database never hear each other.
/// </summary>
internal sealed class RuntimeConfigChannel
{
    private readonly RedisConnection _redis;
    private readonly RedisChannel _channel;

    public RuntimeConfigChannel(RedisConnection redis, NpgsqlDataSource dataSource)
    {
        _redis = redis;
        var database = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Database ?? "default";
        Name = $"llmplatform:{database}:runtime-config";
        _channel = RedisChannel.Literal(Name);
    }

    public string Name { get; }

    public bool IsConfigured => _redis.IsConfigured;

    public async Task SubscribeAsync(Action<long> onChange)
    {
        if (_redis.Multiplexer is not { } multiplexer)
        {
            return;
        }

        await multiplexer.GetSubscriber().SubscribeAsync(_channel, (_, message) =>
        {
            if (message.TryParse(out long version))
            {
                onChange(version);
            }
        }).ConfigureAwait(false);
    }

    public async Task UnsubscribeAsync()
    {
        if (_redis.Multiplexer is { } multiplexer)
        {
            await multiplexer.GetSubscriber().UnsubscribeAsync(_channel).ConfigureAwait(false);
        }
    }

    public async Task PublishAsync(long version)
    {
        if (_redis.Multiplexer is { } multiplexer)
        {
            await multiplexer.GetSubscriber().PublishAsync(_channel, version).ConfigureAwait(false);
        }
    }
}
