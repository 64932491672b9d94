using System.Net;

namespace LlmPlatform.Api.Tests.GatewayUser;

/// <summary>Sessions of the gateway-user dialect: owned by the caller's user, renamed, reset and deleted.</summary>
public sealed class SessionTests : GatewayUserFixture
{
    [Test]
    public async Task ASession_IsCreatedListedRenamedAndDeleted()
    {
        var (_, token, _) = await RegisterAsync();

        var created = await Http.PostAsync("/v1/sessions", new { title = "first" }, token);
        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        var id = created.Str("id");
        created.Str("status").Should().Be("active");

        var list = await Http.GetAsync("/v1/sessions", token);
        list.Json.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetString()).Should().Equal(id);

        var renamed = await SendAsync(HttpMethod.Put, "/v1/sessions/" + id, new { title = "renamed" }, token);
        renamed.Status.Should().Be(HttpStatusCode.OK, renamed.Text);
        (await Http.GetAsync("/v1/sessions/" + id, token)).Str("title").Should().Be("renamed");

        (await SendAsync(HttpMethod.Delete, "/v1/sessions/" + id, null, token)).Status.Should().Be(HttpStatusCode.OK);
        (await Http.GetAsync("/v1/sessions/" + id, token)).Status.Should().Be(HttpStatusCode.NotFound);
        (await Http.GetAsync("/v1/sessions", token)).Json.GetProperty("sessions").GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task CreatingWithoutABody_MakesAnUntitledSession()
    {
        var (_, token, _) = await RegisterAsync();

        var created = await SendAsync(HttpMethod.Post, "/v1/sessions", null, token);

        created.Status.Should().Be(HttpStatusCode.OK, created.Text);
        created.Json.TryGetProperty("title", out var title).Should().BeFalse("an untitled session has no title ({0})", title);
        created.Str("id").Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task AnotherUsersSession_IsNotFound()
    {
        var (_, owner, _) = await RegisterAsync();
        var (_, stranger, _) = await RegisterAsync();
        var id = (await Http.PostAsync("/v1/sessions", new { title = "mine" }, owner)).Str("id");

        (await Http.GetAsync("/v1/sessions/" + id, stranger)).Status.Should().Be(HttpStatusCode.NotFound);
        (await SendAsync(HttpMethod.Put, "/v1/sessions/" + id, new { title = "theirs" }, stranger)).Status.Should().Be(HttpStatusCode.NotFound);
        (await Http.PostAsync("/v1/sessions/" + id + "/reset", new { }, stranger)).Status.Should().Be(HttpStatusCode.NotFound);
        (await SendAsync(HttpMethod.Delete, "/v1/sessions/" + id, null, stranger)).Status.Should().Be(HttpStatusCode.NotFound);
        (await Http.GetAsync("/v1/sessions", stranger)).Json.GetProperty("sessions").GetArrayLength().Should().Be(0);
        (await Http.GetAsync("/v1/sessions/" + id, owner)).Str("title").Should().Be("mine");
    }

    [TestCase("not-a-uuid")]
    [TestCase("00000000-0000-0000-0000-000000000000")]
    public async Task AnUnknownOrMalformedId_Is404(string id)
    {
        var (_, token, _) = await RegisterAsync();

        var reply = await Http.GetAsync("/v1/sessions/" + id, token);

        reply.Status.Should().Be(HttpStatusCode.NotFound, reply.Text);
        reply.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("session_not_found");
    }

    [Test]
    public async Task ATitleTooLong_Is400()
    {
        var (_, token, _) = await RegisterAsync();

        var reply = await Http.PostAsync("/v1/sessions", new { title = new string('t', 201) }, token);

        reply.Status.Should().Be(HttpStatusCode.BadRequest, reply.Text);
    }
}
