using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Conversations.ChatRecords;
using LlmPlatform.Application.Gateway;
using LlmPlatform.Application.Gateway.Contracts;
using MediatR;

namespace LlmPlatform.Api.Endpoints;

/// <summary>
/// The Connector dialect's chat records (seed 004) on <c>POST /v1/chat/completions</c>: a request sent with a
/// <c>session-id</c> header gets a receipt that also keeps the answer's text, and once its response has been sent (a
/// stream's after its relay ended) the exchange is recorded, in a scope of its own. A request without the header costs
/// one header lookup and nothing else. Prompts and answers are never logged.
/// </summary>
internal static partial class ChatRecording
{
    public const string Header = "session-id";

    /// <summary>The receipt to pass to the chat command when the request is to be recorded; null (and nothing done) when not.</summary>
    public static CallReceipt? Begin(HttpContext context, ChatCompletionRequest request, CallerIdentity caller, string requestId)
    {
        if (!context.Request.Headers.TryGetValue(Header, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return null;
        }

        var receipt = CallReceipt.KeepingAnswer();
        var pending = new Pending(values[0]!, request, caller, requestId, receipt, context.RequestServices.GetRequiredService<IServiceScopeFactory>());
        context.Response.OnCompleted(static state => ((Pending)state).RecordAsync(), pending);
        return receipt;
    }

    /// <summary>The text of the last user message: a string, or the text parts of an array of parts.</summary>
    private static string PromptOf(ChatCompletionRequest request)
    {
        if (request.Messages is not { } messages)
        {
            return string.Empty;
        }

        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == "user")
            {
                return MessageText.Of(messages[i].Content);
            }
        }

        return string.Empty;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The chat record of request {RequestId} was not stored")]
    private static partial void LogFailed(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The chat record of request {RequestId} was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string requestId, string reason);

    /// <summary>What the recording needs once the response has been sent.</summary>
    private sealed class Pending(
        string sessionKey,
        ChatCompletionRequest request,
        CallerIdentity caller,
        string requestId,
        CallReceipt receipt,
        IServiceScopeFactory scopes)
    {
        /// <summary>Records a call that was answered; one that failed, was left by its client or never ran is not.</summary>
        public async Task RecordAsync()
        {
            if (!receipt.Settled || receipt.ErrorType is not null || receipt.AnswerText is not { } answer)
            {
                return;
            }

            var exchange = new ChatExchange
            {
                SessionKey = sessionKey,
                Prompt = PromptOf(request),
                Completion = answer,
                Model = request.Model ?? string.Empty,
                DeploymentId = receipt.DeploymentId,
                PromptTokens = receipt.PromptTokens,
                CompletionTokens = receipt.CompletionTokens,
                Fee = receipt.Cost,
                Streamed = request.IsStreaming,
                RequestId = requestId,
            };
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RecordChatExchangeCommand(exchange, caller), CancellationToken.None);
                if (!result.IsSuccess)
                {
                    LogRefused(Logger(scope), requestId, result.Error!.Message);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogFailed(Logger(scope), ex, requestId);
            }
        }

        private static ILogger Logger(AsyncServiceScope scope) =>
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChatRecording));
    }
}
