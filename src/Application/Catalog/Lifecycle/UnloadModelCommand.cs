using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary><c>POST /v1/models/{id}/unload</c>: the model refuses calls until it is loaded again.</summary>
public sealed record UnloadModelCommand(string ModelId, bool Force, CallerIdentity Caller) : ICommand<ModelRuntimeStatus>;
