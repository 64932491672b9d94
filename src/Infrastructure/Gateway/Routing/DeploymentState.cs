namespace LlmPlatform.Infrastructure.Gateway.Routing;

/// <summary>What this node knows about one deployment: load, latency, recent failures, cooldown. Thread-safe.</summary>
internal sealed class DeploymentState
{
    private readonly Lock _gate = new();
    private int _inFlight;
    private double _latencyMs = double.NaN;
    private long _minute;
    private int _requestsThisMinute;
    private long _tokensThisMinute;
    private int _failsThisMinute;
    private DateTimeOffset _cooldownUntil = DateTimeOffset.MinValue;

    public int InFlight => Volatile.Read(ref _inFlight);

    public double LatencyMs
    {
        get
        {
            lock (_gate)
            {
                return _latencyMs;
            }
        }
    }

    public bool IsCoolingDown(DateTimeOffset now)
    {
        lock (_gate)
        {
            return now < _cooldownUntil;
        }
    }

    /// <summary>Nothing in flight, no cooldown, and not used in this minute or the one before.</summary>
    public bool IsIdle(DateTimeOffset now)
    {
        lock (_gate)
        {
            return Volatile.Read(ref _inFlight) == 0 && now >= _cooldownUntil && (now.ToUnixTimeSeconds() / 60) - _minute >= 2;
        }
    }

    public (int Requests, long Tokens) Usage(DateTimeOffset now)
    {
        lock (_gate)
        {
            Roll(now);
            return (_requestsThisMinute, _tokensThisMinute);
        }
    }

    public void Started(DateTimeOffset now)
    {
        Interlocked.Increment(ref _inFlight);
        lock (_gate)
        {
            Roll(now);
            _requestsThisMinute++;
        }
    }

    public void Succeeded(DateTimeOffset now, TimeSpan latency, long tokens)
    {
        Interlocked.Decrement(ref _inFlight);
        lock (_gate)
        {
            Roll(now);
            _tokensThisMinute += tokens;
            var ms = latency.TotalMilliseconds;
            _latencyMs = double.IsNaN(_latencyMs) ? ms : (_latencyMs * 0.8) + (ms * 0.2);
        }
    }

    /// <summary>Counts a failure; returns true when the deployment entered cooldown because of it.</summary>
    public bool Failed(DateTimeOffset now, int allowedFails, TimeSpan cooldown, bool coolNow)
    {
        Interlocked.Decrement(ref _inFlight);
        lock (_gate)
        {
            Roll(now);
            _failsThisMinute++;
            if (coolNow || _failsThisMinute > allowedFails)
            {
                _cooldownUntil = now + cooldown;
                _failsThisMinute = 0;
                return true;
            }

            return false;
        }
    }

    private void Roll(DateTimeOffset now)
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        if (minute != _minute)
        {
            _minute = minute;
            _requestsThisMinute = 0;
            _tokensThisMinute = 0;
            _failsThisMinute = 0;
        }
    }
}
