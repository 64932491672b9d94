using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Catalog.DeleteModel;

/// <summary><c>POST /model/delete</c>: <c>{"id": "..."}</c>.</summary>
public sealed record DeleteModelCommand(CallerIdentity Caller, string? Id) : ICommand<AdminMessage>;
