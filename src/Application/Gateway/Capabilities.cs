namespace LlmPlatform.Application.Gateway;

/// <summary>Finds the adapter of a capability for a provider prefix.</summary>
internal static class Capabilities
{
    public static T? Find<T>(IEnumerable<T> adapters, string provider)
        where T : class, IProviderCapability
    {
        foreach (var adapter in adapters)
        {
            if (adapter.Providers.Contains(provider, StringComparer.Ordinal))
            {
                return adapter;
            }
        }

        return null;
    }
}
