using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary>
/// <c>POST /v1/models/{id}/load</c>: lets the model take calls again. Hosted models load at once, so
/// <paramref name="Wait"/> and <paramref name="UseFallback"/> change nothing.
/// </summary>
public sealed record LoadModelCommand(string ModelId, bool Wait, bool UseFallback, CallerIdentity Caller) : ICommand<ModelRuntimeStatus>;
