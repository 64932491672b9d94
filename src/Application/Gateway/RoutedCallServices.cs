using LlmPlatform.Application.Catalog;

namespace LlmPlatform.Application.Gateway;

/// <summary>What every routed endpoint's handler needs besides its adapters.</summary>
internal sealed record RoutedCallServices(IModelCatalog Catalog, IRouter Router, IUsageEventSink Usage, ITokenCounter Tokens, TimeProvider Time);
