using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.Files;

/// <summary>Deletes a file's metadata and content.</summary>
public sealed record DeleteFileCommand(CallerIdentity Caller, string Id) : ICommand<FileDeleted>;
