using System.Globalization;
using LlmPlatform.Application.Access.Enforcement;
using StackExchange.Redis;

namespace LlmPlatform.Infrastructure.Access.Limits;

/// <summary>
/// The counters in Redis, shared by every node: one script checks every counter of a request and, only when all
/// pass, bumps them, so the decision is atomic and a refused request consumes nothing.
/// </summary>
internal sealed class RedisLimitStore
{
    private const string AdmitScript = """
        local n = #KEYS
        local values = {}
        for i = 1, n do
          local base = (i - 1) * 4
          local current = redis.call('GET', KEYS[i])
          if current then current = tonumber(current) else current = tonumber(ARGV[base + 3]) end
          values[i] = current
          if current >= tonumber(ARGV[base + 1]) then
            local refused = {0, i - 1}
            for j = 1, n do refused[j + 2] = values[j] or 0 end
            return refused
          end
        end
        local admitted = {1, -1}
        for i = 1, n do
          local base = (i - 1) * 4
          if redis.call('EXISTS', KEYS[i]) == 0 then
            redis.call('SET', KEYS[i], values[i], 'PX', ARGV[base + 4])
          end
          local amount = tonumber(ARGV[base + 2])
          if amount ~= 0 then values[i] = redis.call('INCRBY', KEYS[i], amount) end
          admitted[i + 2] = values[i]
        end
        return admitted
        """;

    private const string SettleScript = """
        local out = {}
        for i = 1, #KEYS do
          out[i] = 0
          if redis.call('EXISTS', KEYS[i]) == 1 then
            local value = redis.call('INCRBY', KEYS[i], ARGV[i])
            if value < 0 then
              redis.call('SET', KEYS[i], 0, 'KEEPTTL')
              value = 0
            end
            out[i] = value
          end
        end
        return out
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;

    public RedisLimitStore(IConnectionMultiplexer redis, string prefix)
    {
        _redis = redis;
        _prefix = prefix;
    }

    public async Task<LimitDecision> TryAdmitAsync(IReadOnlyList<LimitCheck> checks)
    {
        var keys = new RedisKey[checks.Count];
        var args = new RedisValue[checks.Count * 4];
        for (var i = 0; i < checks.Count; i++)
        {
            var check = checks[i];
            keys[i] = _prefix + check.Key;
            args[(i * 4) + 0] = check.Limit.ToString(CultureInfo.InvariantCulture);
            args[(i * 4) + 1] = check.Amount;
            args[(i * 4) + 2] = check.Seed;
            args[(i * 4) + 3] = Math.Max(1000, (long)check.Ttl.TotalMilliseconds);
        }

        var result = (RedisResult[])(await _redis.GetDatabase().ScriptEvaluateAsync(AdmitScript, keys, args).ConfigureAwait(false))!;
        var values = new long[checks.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (long)result[i + 2];
        }

        return new LimitDecision((long)result[0] == 1, values, (int)(long)result[1]);
    }

    public Task ResetAsync(IReadOnlyList<string> keys) =>
        _redis.GetDatabase().KeyDeleteAsync(keys.Select(k => (RedisKey)(_prefix + k)).ToArray());

    public async Task<IReadOnlyList<long>> SettleAsync(IReadOnlyList<LimitAdjustment> adjustments)
    {
        var keys = new RedisKey[adjustments.Count];
        var args = new RedisValue[adjustments.Count];
        for (var i = 0; i < adjustments.Count; i++)
        {
            keys[i] = _prefix + adjustments[i].Key;
            args[i] = adjustments[i].Delta;
        }

        var result = (RedisResult[])(await _redis.GetDatabase().ScriptEvaluateAsync(SettleScript, keys, args).ConfigureAwait(false))!;
        return result.Select(r => (long)r).ToList();
    }
}
