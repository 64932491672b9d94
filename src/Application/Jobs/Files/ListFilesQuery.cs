using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.Files;

/// <summary>The caller's files, newest first, optionally of one purpose, a page at a time.</summary>
public sealed record ListFilesQuery(CallerIdentity Caller, string? Purpose, int? Limit, string? After) : IQuery<ListPage<FileObject>>;
