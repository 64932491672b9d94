using System.Text;
using LlmPlatform.Infrastructure.Tokens;
using Microsoft.ML.Tokenizers;

namespace LlmPlatform.Infrastructure.Tests.Tokens;

/// <summary>The gateway's compact o200k_base counter must count exactly what the reference tokenizer counts.</summary>
public sealed class O200kEncodingTests
{
    private static readonly Lazy<O200kEncoding> Encoding = new(() => new O200kEncoding(O200kVocabulary.Load()));
    private static readonly Lazy<Tokenizer> Reference = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    private static readonly string[] Samples =
    [
        .. TextSamples.Ordinary,
        "Съешь же ещё этих мягких французских булок, да выпей чаю.",
        "مرحبا بالعالم! كيف حالك اليوم؟",
        "नमस्ते दुनिया, आप कैसे हैं?",
        "Emoji 👩‍👩‍👧‍👦 and 🚀🚀🚀, flags 🇫🇷 and skin tones 👍🏽.",
        "I'm sure you've seen what they'll do; SHE'S HERE and We'D know.",
        "Numbers 1234567890 3.14159 -42 1e10 0x7fffffff 12,345,678.90",
        "   leading spaces\t\ttabs\r\n\r\nwindows lines\n\n\n   trailing   ",
        "Special <|endoftext|> tokens <|endofprompt|> inside and <|endoftext|><|endoftext|> twice, <|notspecial|>.",
        "https://example.com/path?query=value&other=1#fragment /usr/bin/env -- --flag=value",
        "SELECT id, name FROM users WHERE email = 'a@b.c' AND created_at > NOW() - INTERVAL '1 day';",
        "ALLCAPS words MixedCase camelCaseIdentifiers snake_case_names kebab-case-names",
        "a",
        " ",
        "\n",
    ];

    [Test]
    public void CountTokens_MatchesTheReference([ValueSource(nameof(Samples))] string text)
    {
        Encoding.Value.CountTokens(text).Should().Be(Reference.Value.CountTokens(text));
    }

    [TestCase('a', 5000)]
    [TestCase(' ', 3000)]
    [TestCase('!', 4000)]
    [TestCase('7', 1000)]
    [TestCase('\n', 2000)]
    [TestCase('é', 2500)]
    public void CountTokens_OfALongRun_MatchesTheReference(char repeated, int length)
    {
        // Long pieces take the merge loop through thousands of parts.
        var text = new string(repeated, length);
        Encoding.Value.CountTokens(text).Should().Be(Reference.Value.CountTokens(text));
    }

    [Test]
    public void CountTokens_OfRandomText_MatchesTheReference()
    {
        // Mixed scripts, digits, punctuation and whitespace; the seed is fixed so a failure can be replayed.
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \n\t.,;:!?'\"()[]{}<>|/\\-_=+*&^%$#@~`éüñßøåçœ東京日本語русскийعربي🚀👍";
        var random = new Random(20261123);
        for (var round = 0; round < 300; round++)
        {
            var builder = new StringBuilder();
            var length = random.Next(1, 400);
            var runes = alphabet.EnumerateRunes().ToArray();
            for (var i = 0; i < length; i++)
            {
                builder.Append(runes[random.Next(runes.Length)].ToString());
            }

            var text = builder.ToString();
            Encoding.Value.CountTokens(text).Should().Be(Reference.Value.CountTokens(text), "for the text {0}", text);
        }
    }

    [Test]
    public void Vocabulary_HoldsEveryTokenOnceUnderItsRank()
    {
        var vocabulary = O200kVocabulary.Load();
        vocabulary.Count.Should().Be(199_998);
        for (var rank = 0; rank < vocabulary.Count; rank += 997)
        {
            vocabulary.Rank(vocabulary.Token(rank)).Should().Be(rank);
        }

        vocabulary.Rank("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"u8).Should().Be(-1);
    }

    [Test]
    public void Load_AllocatesLittleMoreThanTheVocabularyKeeps()
    {
        O200kVocabulary.Load(); // the data assembly and the decompressor's first use
        var before = GC.GetAllocatedBytesForCurrentThread();

        O200kVocabulary.Load();

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.Should().BeLessThan(5_000_000, "the text is read a block at a time, not held whole");
    }

    [Test]
    public void Parse_ReadsRanksAndSkipsTheHeader()
    {
        var vocabulary = O200kVocabulary.Parse("Capacity: 3\nYQ== 0\r\nYg== 1\nYWI= 2\n"u8);
        vocabulary.Count.Should().Be(3);
        vocabulary.Rank("ab"u8).Should().Be(2);
        vocabulary.Rank("b"u8).Should().Be(1);
    }

    [TestCase(1)]
    [TestCase(5)]
    [TestCase(4096)]
    public void Read_GivesWhatParseGives_HoweverTheStreamCutsTheLines(int chunk)
    {
        var text = "Capacity: 3\nYQ== 0\r\nYg== 1\nYWI= 2"u8.ToArray();
        using var stream = new TrickleStream(text, chunk);

        var vocabulary = O200kVocabulary.Read(stream);

        vocabulary.Count.Should().Be(3);
        vocabulary.Rank("a"u8).Should().Be(0);
        vocabulary.Rank("b"u8).Should().Be(1);
        vocabulary.Rank("ab"u8).Should().Be(2);
    }

    [Test]
    public void Read_TakesALineLongerThanItsBuffer()
    {
        var token = new byte[60_000];
        new Random(7).NextBytes(token);
        var text = System.Text.Encoding.ASCII.GetBytes($"YQ== 0\n{Convert.ToBase64String(token)} 1\n");
        using var stream = new TrickleStream(text, 10_000);

        var vocabulary = O200kVocabulary.Read(stream);

        vocabulary.Count.Should().Be(2);
        vocabulary.Rank(token).Should().Be(1);
    }

    [TestCase("YQ== 0\nYg== 2\n")]
    [TestCase("YQ== 0\n!!!!\n")]
    public void Parse_RefusesABrokenVocabulary(string text)
    {
        var act = () => O200kVocabulary.Parse(System.Text.Encoding.UTF8.GetBytes(text));
        act.Should().Throw<InvalidDataException>();
    }
}
