using System.Net.Sockets;
using System.Text;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Tests.Persistence;

public sealed class DataRejectionTests
{
    [TestCase(PostgresErrorCodes.NumericValueOutOfRange)]
    [TestCase(PostgresErrorCodes.StringDataRightTruncation)]
    [TestCase(PostgresErrorCodes.InvalidTextRepresentation)]
    [TestCase(PostgresErrorCodes.CharacterNotInRepertoire)]
    [TestCase(PostgresErrorCodes.UntranslatableCharacter)]
    [TestCase(PostgresErrorCodes.CheckViolation)]
    [TestCase(PostgresErrorCodes.NotNullViolation)]
    [TestCase(PostgresErrorCodes.ForeignKeyViolation)]
    [TestCase(PostgresErrorCodes.UniqueViolation)]
    [TestCase(PostgresErrorCodes.ProgramLimitExceeded)]
    public void IsPermanent_ForADataExceptionOrAnIntegrityViolation_IsTrueAndNamesItsSqlState(string sqlState)
    {
        var refusal = Refusal(sqlState);

        DataRejection.IsPermanent(refusal).Should().BeTrue();
        DataRejection.Code(refusal).Should().Be(sqlState);
        DataRejection.Code(new InvalidOperationException("wrapped", refusal)).Should().Be(sqlState);
    }

    [TestCase(PostgresErrorCodes.ConnectionFailure)]
    [TestCase(PostgresErrorCodes.AdminShutdown)]
    [TestCase(PostgresErrorCodes.CannotConnectNow)]
    [TestCase(PostgresErrorCodes.SerializationFailure)]
    [TestCase(PostgresErrorCodes.DeadlockDetected)]
    [TestCase(PostgresErrorCodes.TooManyConnections)]
    [TestCase(PostgresErrorCodes.QueryCanceled)]
    [TestCase(PostgresErrorCodes.UndefinedTable)]
    [TestCase(PostgresErrorCodes.StatementTooComplex)]
    public void IsPermanent_ForAnErrorThatMayPassOnAnotherTry_IsFalse(string sqlState)
    {
        DataRejection.IsPermanent(Refusal(sqlState)).Should().BeFalse();
        DataRejection.Code(Refusal(sqlState)).Should().BeNull();
    }

    [Test]
    public void IsPermanent_ForTransportErrors_IsFalse()
    {
        DataRejection.IsPermanent(new NpgsqlException("connection lost", new IOException("reset", new SocketException()))).Should().BeFalse();
        DataRejection.IsPermanent(new IOException("disk")).Should().BeFalse();
        DataRejection.IsPermanent(new TimeoutException()).Should().BeFalse();
        DataRejection.IsPermanent(new OperationCanceledException()).Should().BeFalse();
    }

    [Test]
    public void Code_OfTextTheDriverCouldNotEncode_IsTheServersCodeForIt()
    {
        DataRejection.Code(new InvalidCastException("wrapped", new EncoderFallbackException())).Should().Be(PostgresErrorCodes.CharacterNotInRepertoire);
    }

    [Test]
    public void TooLarge_IsTheIndexRowLimitOnly()
    {
        DataRejection.TooLarge(new InvalidOperationException("wrapped", Refusal(PostgresErrorCodes.ProgramLimitExceeded))).Should().BeTrue();
        DataRejection.TooLarge(Refusal(PostgresErrorCodes.StringDataRightTruncation)).Should().BeFalse();
        DataRejection.TooLarge(new IOException("disk")).Should().BeFalse();
    }

    private static PostgresException Refusal(string sqlState) => new("refused", "ERROR", "ERROR", sqlState);
}
