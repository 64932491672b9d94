namespace LlmPlatform.Application.Access.UserAccounts;

/// <summary>E-mail logins in the system of record; an e-mail is unique without regard to case.</summary>
public interface IUserLoginStore
{
    /// <summary>Stores the login; false when the e-mail is already taken.</summary>
    Task<bool> InsertAsync(UserLogin login, CancellationToken cancellationToken);

    Task<UserLogin?> FindByEmailAsync(string email, CancellationToken cancellationToken);
}
