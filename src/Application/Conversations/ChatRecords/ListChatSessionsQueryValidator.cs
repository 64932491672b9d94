using FluentValidation;
using LlmPlatform.Application.Access.Connector;

namespace LlmPlatform.Application.Conversations.ChatRecords;

internal sealed class ListChatSessionsQueryValidator : AbstractValidator<ListChatSessionsQuery>
{
    public ListChatSessionsQueryValidator()
    {
        RuleFor(c => c.Paging).SetValidator(new ConnectorPagingValidator());
        RuleFor(c => c.KeyId).GreaterThan(0).OverridePropertyName("key_id");
    }
}
