using PushInventory.Mapping.Domain;

namespace PushInventory.Mapping.Tests;

public sealed class CsvParserTests
{
    static async Task<List<IReadOnlyList<string>>> ParseAsync(string text)
    {
        var records = new List<IReadOnlyList<string>>();
        await foreach (var record in CsvParser.ReadAsync(new StringReader(text), TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public async Task Read_QuotedFieldsAndLineEnds_GivesFields()
    {
        var records = await ParseAsync("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n\n1,,3");

        records.Count.ShouldBe(3);
        records[0].ShouldBe(["a", "b", "c"]);
        records[1].ShouldBe(["x,1", "say \"hi\"", "two\nlines"]);
        records[2].ShouldBe(["1", "", "3"]);
    }

    [Theory]
    [InlineData("a,b\n1,\"unterminated\n", "never closed")]
    [InlineData("a,b\n1,x\"y\n", "Line 2")]
    [InlineData("a,b\n1,\"x\"y\n", "after a closing quote")]
    public async Task Read_BadQuoting_Throws(string text, string message)
    {
        var ex = await Should.ThrowAsync<CsvFormatException>(() => ParseAsync(text));

        ex.Message.ShouldContain(message);
    }
}
