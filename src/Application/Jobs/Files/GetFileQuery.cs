using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.Files;

/// <summary>One file's metadata.</summary>
public sealed record GetFileQuery(CallerIdentity Caller, string Id) : IQuery<FileObject>;
