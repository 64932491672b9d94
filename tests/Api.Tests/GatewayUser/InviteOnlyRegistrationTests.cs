using System.Net;
using LlmPlatform.Domain.Access;
using LlmPlatform.Infrastructure.Persistence;
using LlmPlatform.TestSupport;
using Npgsql;

namespace LlmPlatform.Api.Tests.GatewayUser;

/// <summary>
/// A gateway that registers only with invites, gives self-registered users a budget, and allows few failed logins
/// per address.
/// </summary>
public sealed class InviteOnlyRegistrationTests : AdminApiFixture
{
    protected override string Config => """
        model_list:
          - model_name: demo
            litellm_params:
              model: mock/demo-model
            model_info:
              input_cost_per_token: 0.001
              output_cost_per_token: 0.001
        litellm_settings:
          max_internal_user_budget: 0.05
          internal_user_budget_duration: 30d
        general_settings:
          invite_required: true
          login_max_failures_per_ip: 3
          login_max_failures_per_email: 100
        """;

    [Test]
    public async Task Register_WithoutAnInvite_Is403()
    {
        var reply = await Http.PostAsync("/v1/users/register", new { email = NewEmail(), password = "long enough password" }, "none");

        reply.Status.Should().Be(HttpStatusCode.Forbidden, reply.Text);
        reply.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("invite_required");
    }

    [Test]
    public async Task Register_WithAnInvite_Works_AndTheInviteIsUsedOnce()
    {
        var invite = await InviteAsync(new { });

        var first = await Http.PostAsync("/v1/users/register", new { email = NewEmail(), password = "long enough password", invite_token = invite }, "none");
        var second = await Http.PostAsync("/v1/users/register", new { email = NewEmail(), password = "long enough password", invite_token = invite }, "none");

        first.Status.Should().Be(HttpStatusCode.OK, first.Text);
        second.Status.Should().Be(HttpStatusCode.Forbidden, second.Text);
        second.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("invalid_invite");
    }

    [Test]
    public async Task Register_WithOneInvite_InParallel_RegistersExactlyOne()
    {
        var invite = await InviteAsync(new { });

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Http.PostAsync("/v1/users/register", new { email = NewEmail(), password = "long enough password", invite_token = invite }, "none")));

        replies.Count(r => r.Status == HttpStatusCode.OK).Should().Be(1);
        replies.Where(r => r.Status != HttpStatusCode.OK).Should().OnlyContain(r => r.Status == HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Register_WithAnInviteForAnotherEmail_Is403_AndTheInviteStillServesItsOwn()
    {
        var email = NewEmail();
        var invite = await InviteAsync(new { email });

        var stranger = await Http.PostAsync("/v1/users/register", new { email = NewEmail(), password = "long enough password", invite_token = invite }, "none");
        var owner = await Http.PostAsync("/v1/users/register", new { email = email.ToUpperInvariant(), password = "long enough password", invite_token = invite }, "none");

        stranger.Status.Should().Be(HttpStatusCode.Forbidden, stranger.Text);
        owner.Status.Should().Be(HttpStatusCode.OK, owner.Text);
    }

    [Test]
    public async Task Register_WithAnUnknownInvite_Is403_AndWithAnEmailTakenItGivesTheInviteBack()
    {
        var unknown = await Http.PostAsync("/v1/users/register", new { email = NewEmail(), password = "long enough password", invite_token = "inv-unknown" }, "none");
        unknown.Status.Should().Be(HttpStatusCode.Forbidden, unknown.Text);

        var email = NewEmail();
        (await Http.PostAsync("/v1/users/register", new { email, password = "long enough password", invite_token = await InviteAsync(new { }) }, "none"))
            .Status.Should().Be(HttpStatusCode.OK);
        var invite = await InviteAsync(new { });
        var taken = await Http.PostAsync("/v1/users/register", new { email, password = "long enough password", invite_token = invite }, "none");
        var next = await Http.PostAsync("/v1/users/register", new { email = NewEmail(), password = "long enough password", invite_token = invite }, "none");

        taken.Status.Should().Be(HttpStatusCode.Conflict, taken.Text);
        next.Status.Should().Be(HttpStatusCode.OK, "a registration refused for its e-mail does not use the invite: " + next.Text);
    }

    [Test]
    public async Task Register_WithAnExpiredInvite_Is403()
    {
        var invite = await InviteAsync(new { });
        await using (var connection = new NpgsqlConnection(ConnectionStrings.ToNpgsql(Api.DatabaseUrl)))
        {
            await connection.OpenAsync();
            await using var expire = new NpgsqlCommand("UPDATE user_invites SET expires_at = now() - interval '1 minute' WHERE token_hash = @hash", connection);
            expire.Parameters.AddWithValue("hash", KeySecret.Hash(invite));
            (await expire.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var reply = await Http.PostAsync("/v1/users/register", new { email = NewEmail(), password = "long enough password", invite_token = invite }, "none");

        reply.Status.Should().Be(HttpStatusCode.Forbidden, reply.Text);
        reply.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("invalid_invite");
    }

    [Test]
    public async Task CreateInvite_ByANonAdmin_Is403_AndBadFieldsAre400()
    {
        var email = NewEmail();
        var registered = await Http.PostAsync("/v1/users/register", new { email, password = "long enough password", invite_token = await InviteAsync(new { }) }, "none");
        var userToken = registered.Str("token");

        var byUser = await Http.PostAsync("/v1/users/invites", new { }, userToken);
        var badDays = await Http.PostAsync("/v1/users/invites", new { expires_days = 0 }, ApiServer.MasterKey);
        var badEmail = await Http.PostAsync("/v1/users/invites", new { email = "not-an-email" }, ApiServer.MasterKey);
        var badType = await Http.PostAsync("/v1/users/invites", """{"expires_days":"soon"}""", ApiServer.MasterKey);

        byUser.Status.Should().Be(HttpStatusCode.Forbidden, byUser.Text);
        badDays.Status.Should().Be(HttpStatusCode.BadRequest, badDays.Text);
        badDays.Json.GetProperty("error").GetProperty("param").GetString().Should().Be("expires_days");
        badEmail.Status.Should().Be(HttpStatusCode.BadRequest, badEmail.Text);
        badType.Status.Should().Be(HttpStatusCode.BadRequest, badType.Text);
    }

    [Test]
    public async Task Register_GivesTheUserTheConfiguredBudget_WhichStopsItsCalls()
    {
        var registered = await Http.PostAsync("/v1/users/register", new { email = NewEmail(), password = "long enough password", invite_token = await InviteAsync(new { }) }, "none");
        var userId = registered.Json.GetProperty("user").GetProperty("id").GetString()!;
        var token = registered.Str("token");

        var info = await Http.GetAsync("/user/info?user_id=" + userId, ApiServer.MasterKey);
        info.Json.GetProperty("user_info").GetProperty("max_budget").GetDecimal().Should().Be(0.05m);
        info.Json.GetProperty("user_info").GetProperty("budget_duration").GetString().Should().Be("30d");

        // Each call costs well over a cent (a thousandth of a dollar per token): the budget runs out within a few calls.
        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i < 20 && last == HttpStatusCode.OK; i++)
        {
            var chat = await Http.PostAsync("/v1/chat/completions", new { model = "demo", messages = new[] { new { role = "user", content = "tell me a story " + i } } }, token);
            last = chat.Status;
            if (last != HttpStatusCode.OK)
            {
                chat.Json.GetProperty("error").GetProperty("code").GetString().Should().Be("budget_exceeded", chat.Text);
            }
        }

        last.Should().Be(HttpStatusCode.TooManyRequests, "the user's budget refuses calls once spent");
    }

    [Test]
    public async Task Login_AfterThreeFailuresFromOneAddress_Is429_ForEveryEmail()
    {
        for (var i = 0; i < 3; i++)
        {
            var wrong = await Http.PostAsync("/v1/users/login", new { email = NewEmail(), password = "a wrong password" }, "none");
            wrong.Status.Should().Be(HttpStatusCode.Unauthorized, wrong.Text);
        }

        var fourth = await Http.PostAsync("/v1/users/login", new { email = NewEmail(), password = "a wrong password" }, "none");

        fourth.Status.Should().Be(HttpStatusCode.TooManyRequests, fourth.Text);
        fourth.Json.GetProperty("error").GetProperty("message").GetString().Should().Contain("address");
        fourth.Headers.RetryAfter.Should().NotBeNull();
    }

    private static string NewEmail() => $"invited-{Guid.NewGuid():N}@example.com";

    private async Task<string> InviteAsync(object body)
    {
        var reply = await Http.PostAsync("/v1/users/invites", body, ApiServer.MasterKey);
        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        reply.Str("invite_id").Should().StartWith("invite-");
        reply.Json.GetProperty("expires_at").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow.AddDays(7), TimeSpan.FromMinutes(5));
        return reply.Str("invite_token");
    }
}
