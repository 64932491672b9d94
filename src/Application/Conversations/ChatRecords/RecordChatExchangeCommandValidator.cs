using FluentValidation;

namespace LlmPlatform.Application.Conversations.ChatRecords;

internal sealed class RecordChatExchangeCommandValidator : AbstractValidator<RecordChatExchangeCommand>
{
    public RecordChatExchangeCommandValidator()
    {
        RuleFor(c => c.Exchange.SessionKey).NotEmpty().MaximumLength(ChatRecordRules.MaxSessionKeyLength).OverridePropertyName("session-id");
    }
}
