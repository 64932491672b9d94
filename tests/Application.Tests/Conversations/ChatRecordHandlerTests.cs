using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.Connector;
using LlmPlatform.Application.Conversations.ChatRecords;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Tests.Conversations;

/// <summary>
/// Chat records belong to the key that made them; a session's title is the start of an answer (every whole answer's,
/// a streamed one's only while it has none); only admin keys list every key's records.
/// </summary>
public sealed class ChatRecordHandlerTests
{
    private static readonly CallerIdentity UserKey = new() { KeyHash = "hash-1", UserId = "user-1", Role = Roles.InternalUser };

    [Test]
    public async Task Record_OwnsTheSessionByKey_AndTitlesItWithTheAnswersStart()
    {
        var store = new RecordingStore();
        var answer = "  " + new string('a', 29) + "\U0001F600 and more";
        await Handler(store).Handle(new RecordChatExchangeCommand(Exchange(answer, streamed: false), UserKey), CancellationToken.None);

        store.Owner.Should().Be("key:hash-1", "records belong to the key, not to its user");
        store.Title.Should().Be(new string('a', 29), "the title is 30 characters at most and never half an emoji");
        store.Retitle.Should().BeTrue();
    }

    [Test]
    public async Task Record_OfAStream_OnlyTitlesAnUntitledSession()
    {
        var store = new RecordingStore();
        await Handler(store).Handle(new RecordChatExchangeCommand(Exchange("short", streamed: true), UserKey), CancellationToken.None);

        store.Title.Should().Be("short");
        store.Retitle.Should().BeFalse();
    }

    [Test]
    public async Task TheAdminLists_AreForAdminKeysOnly_WhileAKeyListsItsOwn()
    {
        var store = new RecordingStore();
        var handler = Handler(store);
        var paging = new ConnectorPaging(null, null, null);

        var refused = await handler.Handle(new ListChatThreadsQuery(paging, null, null, Own: false, UserKey), CancellationToken.None);
        refused.Error!.Kind.Should().Be(ErrorKind.Forbidden);
        store.Filter.Should().BeNull();

        var own = await handler.Handle(new ListChatSessionsQuery(paging, null, Own: true, UserKey), CancellationToken.None);
        own.IsSuccess.Should().BeTrue();
        store.Filter!.Scope.Should().Be(new ChatRecordScope("key:hash-1", "hash-1"));
    }

    private static ChatRecordHandler Handler(IChatRecordStore store) => new(store, TimeProvider.System);

    private static ChatExchange Exchange(string answer, bool streamed) => new()
    {
        SessionKey = "s-1",
        Prompt = "question",
        Completion = answer,
        Model = "m",
        Streamed = streamed,
    };

    private sealed class RecordingStore : IChatRecordStore
    {
        public string? Owner { get; private set; }

        public string? Title { get; private set; }

        public bool Retitle { get; private set; }

        public ChatRecordFilter? Filter { get; private set; }

        public Task RecordAsync(string owner, string keyHash, ChatExchange exchange, string title, bool retitle, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Owner = owner;
            Title = title;
            Retitle = retitle;
            return Task.CompletedTask;
        }

        public Task<ConnectorPage<ChatSessionRecord>> ListSessionsAsync(ChatRecordFilter filter, CancellationToken cancellationToken)
        {
            Filter = filter;
            return Task.FromResult(new ConnectorPage<ChatSessionRecord>([], 0, filter.Paging.Take, filter.Paging.Skip));
        }

        public Task<ChatSessionRecord?> FindSessionAsync(long id, ChatRecordScope scope, CancellationToken cancellationToken) =>
            Task.FromResult<ChatSessionRecord?>(null);

        public Task<ConnectorPage<ChatThreadRecord>> ListThreadsAsync(ChatRecordFilter filter, CancellationToken cancellationToken)
        {
            Filter = filter;
            return Task.FromResult(new ConnectorPage<ChatThreadRecord>([], 0, filter.Paging.Take, filter.Paging.Skip));
        }

        public Task<ChatThreadRecord?> FindThreadAsync(long id, ChatRecordScope scope, CancellationToken cancellationToken) =>
            Task.FromResult<ChatThreadRecord?>(null);
    }
}
