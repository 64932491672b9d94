using System.Text;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Tests.Persistence;

public sealed class DatabaseTextTests
{
    // Lone surrogates cannot travel in attribute arguments (they are stored as UTF-8), so the cases use char codes.
    [TestCase(new[] { 'a', '\0', 'b' }, "a\uFFFDb")]
    [TestCase(new[] { '\0' }, "\uFFFD")]
    [TestCase(new[] { 'x', (char)0xD800, 'y' }, "x\uFFFDy")]
    [TestCase(new[] { 'x', (char)0xDC00 }, "x\uFFFD")]
    [TestCase(new[] { (char)0xDC00, (char)0xD800 }, "\uFFFD\uFFFD")]
    [TestCase(new[] { 'p', (char)0xD83D, (char)0xDE00, (char)0xD800, '\0' }, "p\uD83D\uDE00\uFFFD\uFFFD")]
    public void Storable_ReplacesWhatPostgreSqlCannotHold(char[] value, string expected)
    {
        DatabaseText.Storable(new string(value)).Should().Be(expected);
    }

    [TestCase(new[] { 'p', 'l', 'a', 'i', 'n' })]
    [TestCase(new[] { 'e', (char)0xD83D, (char)0xDE00, ' ', (char)0xD83D, (char)0xDE01 })]
    [TestCase(new char[0])]
    public void Storable_GivesACleanValueBackAsItIs(char[] chars)
    {
        var value = new string(chars);
        DatabaseText.Storable(value).Should().BeSameAs(value);
    }

    [Test]
    public void Storable_OfAList_IsTheSameListWhenNothingChanges_AndACleanCopyOtherwise()
    {
        IReadOnlyList<string> clean = ["a", "b"];
        DatabaseText.Storable(clean).Should().BeSameAs(clean);
        DatabaseText.Storable(["a", "b\0"]).Should().Equal("a", "b\uFFFD");
    }

    [Test]
    public void Rejected_RecognisesTheServersAndTheEncodersRefusals()
    {
        DatabaseText.Rejected(new PostgresException("invalid byte sequence", "ERROR", "ERROR", PostgresErrorCodes.CharacterNotInRepertoire)).Should().BeTrue();
        DatabaseText.Rejected(new PostgresException("unsupported Unicode escape sequence", "ERROR", "ERROR", PostgresErrorCodes.UntranslatableCharacter)).Should().BeTrue();
        DatabaseText.Rejected(new InvalidOperationException("wrapped", new EncoderFallbackException())).Should().BeTrue();
        DatabaseText.Rejected(new PostgresException("unique", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)).Should().BeFalse();
        DatabaseText.Rejected(new IOException("disk")).Should().BeFalse();
    }
}
