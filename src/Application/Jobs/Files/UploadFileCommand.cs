using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.Files;

/// <summary>Uploads one file from a multipart form with the parts <c>file</c> and <c>purpose</c> (in either order).</summary>
public sealed record UploadFileCommand(IUploadForm Form, CallerIdentity Caller) : ICommand<FileObject>;
