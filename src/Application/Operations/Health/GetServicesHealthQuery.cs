using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Operations.Health;

/// <summary>Every dependency with its status and latency (<c>/health/services</c>).</summary>
public sealed record GetServicesHealthQuery : IQuery<IReadOnlyList<ServiceHealth>>;
