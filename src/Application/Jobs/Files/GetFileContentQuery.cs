using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.Files;

/// <summary>One file's content, streamed.</summary>
public sealed record GetFileContentQuery(CallerIdentity Caller, string Id) : IQuery<FileContent>;
