using LlmPlatform.Application.Gateway;

namespace LlmPlatform.Infrastructure.Gateway.Routing;

/// <summary>Finds the adapter for a provider prefix.</summary>
internal sealed class ProviderRegistry
{
    private readonly Dictionary<string, IProviderAdapter> _adapters = new(StringComparer.Ordinal);

    public ProviderRegistry(IEnumerable<IProviderAdapter> adapters)
    {
        foreach (var adapter in adapters)
        {
            foreach (var provider in adapter.Providers)
            {
                _adapters[provider] = adapter;
            }
        }
    }

    public IReadOnlyCollection<string> Providers => _adapters.Keys;

    public IProviderAdapter? Find(string provider) => _adapters.GetValueOrDefault(provider);
}
