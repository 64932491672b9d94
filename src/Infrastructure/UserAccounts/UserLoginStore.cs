using LlmPlatform.Application.Access.UserAccounts;
using LlmPlatform.Infrastructure.Access;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.UserAccounts;

/// <summary>E-mail logins in PostgreSQL, with Dapper; the e-mail's uniqueness ignores case.</summary>
internal sealed class UserLoginStore : IUserLoginStore
{
    private const string InsertSql = """
        INSERT INTO user_logins (user_id, email, password_hash, created_at, updated_at)
        VALUES (@UserId, @Email, @PasswordHash, @CreatedAt, @CreatedAt)
        ON CONFLICT DO NOTHING
        """;

    private const string FindSql = """
        SELECT user_id AS UserId, email AS Email, password_hash AS PasswordHash, created_at AS CreatedAt
        FROM user_logins WHERE lower(email) = lower(@email)
        """;

    private readonly NpgsqlDataSource _dataSource;

    public UserLoginStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task<bool> InsertAsync(UserLogin login, CancellationToken cancellationToken) =>
        await _dataSource.ExecuteAsync(InsertSql, new { login.UserId, login.Email, login.PasswordHash, login.CreatedAt }, cancellationToken).ConfigureAwait(false) == 1;

    public async Task<UserLogin?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        (await _dataSource.QuerySingleOrDefaultAsync<LoginRow>(FindSql, new { email }, cancellationToken).ConfigureAwait(false))?.ToLogin();

    private sealed record LoginRow
    {
        public string UserId { get; init; } = string.Empty;

        public string Email { get; init; } = string.Empty;

        public string PasswordHash { get; init; } = string.Empty;

        public DateTime CreatedAt { get; init; }

        public UserLogin ToLogin() => new(UserId, Email, PasswordHash, Utc.Of(CreatedAt));
    }
}
