using LlmPlatform.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Errors;

/// <summary>An action result that writes an <see cref="Error"/> in the OpenAI envelope.</summary>
public sealed class ErrorResult : IActionResult
{
    public ErrorResult(Error error)
    {
        Error = error;
    }

    public Error Error { get; }

    public Task ExecuteResultAsync(ActionContext context) => ErrorWriter.WriteAsync(context.HttpContext, Error);
}
