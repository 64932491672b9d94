namespace LlmPlatform.Application.Access.Enforcement;

/// <summary>The names of the budget counters, shared by admission and by whoever resets a spend.</summary>
public static class CounterKeys
{
    /// <summary>Ends the name of a budget counter that has no window.</summary>
    public const string OpenSuffix = ":all";

    /// <summary>The budget counter prefix of a scope (<c>key</c>, <c>user</c>, <c>team</c>, ...) and id.</summary>
    public static string Budget(string scope, string id) => "b:" + scope[0] + ":" + id;

    /// <summary>The counter of a budget that never resets on its own.</summary>
    public static string OpenBudget(string scope, string id) => Budget(scope, id) + OpenSuffix;
}
