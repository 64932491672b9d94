using System.Text.Json;
using LlmPlatform.Application.Conversations;
using LlmPlatform.Application.Gateway.ChatCompletions;
using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Gateway.Generate;

/// <summary>
/// <c>/v1/generate</c> over the chat completion use case (so keys, limits, budgets, routing and spend apply as for
/// any chat call), with session history, and each request tracked so that it can be looked up and cancelled.
/// </summary>
internal sealed class GenerateHandler :
    IRequestHandler<GenerateCommand, Result<GenerateOutcome>>,
    IRequestHandler<GetGenerationStatusQuery, Result<GenerationStatus>>,
    IRequestHandler<CancelGenerationCommand, Result<CancelledGeneration>>
{
    /// <summary>The call type this dialect's calls are recorded with in the spend log.</summary>
    public const string CallType = "generate";

    private readonly IMediator _mediator;
    private readonly IConversationStore _conversations;
    private readonly IGenerationTracker _tracker;

    public GenerateHandler(IMediator mediator, IConversationStore conversations, IGenerationTracker tracker)
    {
        _mediator = mediator;
        _conversations = conversations;
        _tracker = tracker;
    }

    public async Task<Result<GenerateOutcome>> Handle(GenerateCommand request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var messages = new List<ChatMessage>();
        if (request.SessionId is { } sessionId)
        {
            if (!Guid.TryParse(sessionId, out var id)
                || await _conversations.FindAsync(id, caller.Owner, ConversationKinds.Session, cancellationToken).ConfigureAwait(false) is null)
            {
                return ConversationErrors.SessionNotFound(sessionId);
            }

            var history = await _conversations.ListMessagesAsync(id, cancellationToken).ConfigureAwait(false);
            messages.AddRange(history.Select(m => Message(m.Role, m.Content)));
        }

        messages.Add(Message("user", request.Prompt!));
        var chat = new ChatCompletionRequest
        {
            Model = request.Model,
            Messages = messages,
            Temperature = request.Temperature,
            MaxTokens = request.MaxTokens,
            TopP = request.TopP,
            Stop = request.Stop,
            Stream = request.Stream ? true : null,
        };

        var generation = await _tracker.StartAsync(request.RequestId, caller.Owner, request.Model!, cancellationToken).ConfigureAwait(false);
        var ended = true;
        try
        {
            Result<ChatCompletionOutcome> result;
            try
            {
                result = await _mediator.Send(new CreateChatCompletionCommand(chat, caller, request.RequestId, CallType), generation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (generation.IsCancelled && !cancellationToken.IsCancellationRequested)
            {
                generation.Fail("cancelled");
                return GenerationErrors.Cancelled(generation.RequestId);
            }

            if (!result.IsSuccess)
            {
                generation.Fail(result.Error!.Message);
                return generation.IsCancelled && !cancellationToken.IsCancellationRequested ? GenerationErrors.Cancelled(generation.RequestId) : result.Error!;
            }

            var outcome = new GenerateOutcome { Generation = generation, Model = result.Value.ModelGroup, SessionId = request.SessionId, Prompt = request.Prompt! };
            if (result.Value.Stream is not null || (request.Stream && result.Value.CacheHit))
            {
                ended = false;
                return outcome with { Chat = result.Value };
            }

            var answer = result.Value.Response!;
            var text = answer.Choices.Count > 0 ? answer.Choices[0].Message.Content ?? string.Empty : string.Empty;
            if (request.SessionId is { } session)
            {
                var appended = await _mediator.Send(new AppendSessionTurnCommand(session, request.Prompt!, text, outcome.Model, generation.RequestId, caller), CancellationToken.None).ConfigureAwait(false);
                if (!appended.IsSuccess)
                {
                    generation.Fail(appended.Error!.Message);
                    return appended.Error!;
                }
            }

            generation.Complete();
            var usage = answer.Usage ?? Usage.Of(0, 0);
            return outcome with
            {
                Response = new GenerateResponse(
                    generation.RequestId,
                    outcome.Model,
                    "text",
                    request.SessionId,
                    new GenerateOutput(text),
                    new GenerateUsage(usage.PromptTokens, usage.CompletionTokens, usage.TotalTokens)),
            };
        }
        finally
        {
            if (ended)
            {
                // A no-op once it has ended; otherwise (the client left, or a bug threw) it is not left running.
                generation.Fail("The request ended without an answer.");
                generation.Dispose();
            }
        }
    }

    public async Task<Result<GenerationStatus>> Handle(GetGenerationStatusQuery request, CancellationToken cancellationToken) =>
        await _tracker.FindAsync(request.RequestId, request.Caller.Owner, cancellationToken).ConfigureAwait(false) is { } status
            ? status
            : GenerationErrors.RequestNotFound(request.RequestId);

    public async Task<Result<CancelledGeneration>> Handle(CancelGenerationCommand request, CancellationToken cancellationToken) =>
        await _tracker.CancelAsync(request.RequestId, request.Caller.Owner, cancellationToken).ConfigureAwait(false) is { } cancelled
            ? cancelled
            : GenerationErrors.RequestNotFound(request.RequestId);

    private static ChatMessage Message(string role, string content) => new() { Role = role, Content = JsonSerializer.SerializeToElement(content, GatewayJsonContext.Default.String) };
}
