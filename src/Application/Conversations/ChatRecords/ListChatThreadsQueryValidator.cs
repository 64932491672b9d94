using FluentValidation;
using LlmPlatform.Application.Access.Connector;

namespace LlmPlatform.Application.Conversations.ChatRecords;

internal sealed class ListChatThreadsQueryValidator : AbstractValidator<ListChatThreadsQuery>
{
    public ListChatThreadsQueryValidator()
    {
        RuleFor(c => c.Paging).SetValidator(new ConnectorPagingValidator());
        RuleFor(c => c.KeyId).GreaterThan(0).OverridePropertyName("key_id");
        RuleFor(c => c.SessionId).GreaterThan(0).OverridePropertyName("session_id");
    }
}
