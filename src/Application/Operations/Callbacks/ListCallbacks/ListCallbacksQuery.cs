using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Operations.Callbacks.ListCallbacks;

/// <summary><c>GET /callback/list</c>: the callbacks the configuration names and the built-in ones that are on.</summary>
public sealed record ListCallbacksQuery(CallerIdentity Caller) : IQuery<IReadOnlyList<CallbackInfo>>;
