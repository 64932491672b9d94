using System.Collections.Concurrent;
using System.Globalization;

namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>
/// The counter names of one scope (<c>key</c>, <c>user</c>, ...) and id, built once per minute or budget window
/// instead of on every request: a key's names carry its 64-character hash, and admission needs up to four of them
/// per scope.
/// </summary>
internal sealed class ScopeCounterNames
{
    /// <summary>Bounds the memory spent on names; an end user's id comes from the request, so ids are unbounded.</summary>
    private const int MaxRemembered = 50_000;

    private static readonly ConcurrentDictionary<(string Scope, string Id, string? Model), ScopeCounterNames> Known = new();

    private static int _remembered;

    private readonly string _tag;
    private Minute? _minute;
    private Window? _window;

    private ScopeCounterNames(string tag)
    {
        _tag = tag;
        Parallel = "p:" + tag;
        Budget = "b:" + tag;
        OpenBudget = Budget + CounterKeys.OpenSuffix;
    }

    /// <summary>The parallel-requests counter.</summary>
    public string Parallel { get; }

    /// <summary>The budget counter's prefix (a window's start or <see cref="CounterKeys.OpenSuffix"/> follows).</summary>
    public string Budget { get; }

    /// <summary>The counter of a budget with no window.</summary>
    public string OpenBudget { get; }

    /// <summary>The names of a scope's counters; the budget's match <see cref="CounterKeys.Budget"/>.</summary>
    public static ScopeCounterNames For(string scope, string id) =>
        Find((scope, id, null), static key => new ScopeCounterNames(key.Scope[0] + ":" + key.Id));

    /// <summary>The names of the counters of one model on one key (<c>model_rpm_limit</c> and the like).</summary>
    public static ScopeCounterNames ForModel(string keyHash, string model) =>
        Find(("key-model", keyHash, model), static key => new ScopeCounterNames("km:" + key.Id + ":" + key.Model));

    private static ScopeCounterNames Find((string Scope, string Id, string? Model) key, Func<(string Scope, string Id, string? Model), ScopeCounterNames> create)
    {
        if (Known.TryGetValue(key, out var names))
        {
            return names;
        }

        // Counted here rather than with Known.Count, which takes every lock of the dictionary.
        if (Interlocked.Increment(ref _remembered) > MaxRemembered)
        {
            Known.Clear();
            Interlocked.Exchange(ref _remembered, 1);
        }

        return Known.GetOrAdd(key, create);
    }

    /// <summary>The requests and tokens counters of the given minute (Unix minutes).</summary>
    public (string Requests, string Tokens) PerMinute(long minute)
    {
        var current = Volatile.Read(ref _minute);
        if (current is null || current.Number != minute)
        {
            var suffix = ":" + minute.ToString(CultureInfo.InvariantCulture);
            current = new Minute(minute, "r:" + _tag + suffix, "t:" + _tag + suffix);
            Volatile.Write(ref _minute, current);
        }

        return (current.Requests, current.Tokens);
    }

    /// <summary>The budget counter of the window that starts at <paramref name="start"/> (Unix seconds).</summary>
    public string BudgetWindow(long start)
    {
        var current = Volatile.Read(ref _window);
        if (current is null || current.Start != start)
        {
            current = new Window(start, Budget + ":" + start.ToString(CultureInfo.InvariantCulture));
            Volatile.Write(ref _window, current);
        }

        return current.Name;
    }

    private sealed record Minute(long Number, string Requests, string Tokens);

    private sealed record Window(long Start, string Name);
}
