using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EsxSdk.Tests.Support
{
    /// <summary>One accepted connection of a <see cref="RawHttpServer"/>: read the request, then write any bytes at all.</summary>
    internal sealed class RawHttpConnection
    {
        private const int MaxHeadBytes = 64 * 1024;

        private const int MaxBodyBytes = 4 * 1024 * 1024;

        private readonly Stream stream;
        private readonly ConcurrentQueue<string> requests;
        private readonly byte[] buffer = new byte[16 * 1024];
        private int position;
        private int length;

        public RawHttpConnection(Stream stream, ConcurrentQueue<string> requests, CancellationToken cancellationToken)
        {
            this.stream = stream;
            this.requests = requests;
            this.CancellationToken = cancellationToken;
        }

        /// <summary>Cancelled when the server is disposed or the connection's time is up.</summary>
        public CancellationToken CancellationToken { get; }

        /// <summary>A complete response with Content-Length and <c>Connection: close</c>.</summary>
        public static string Response(string status, string contentType, string body)
            => "HTTP/1.1 " + status + "\r\n"
               + "Content-Type: " + contentType + "\r\n"
               + "Content-Length: " + Encoding.UTF8.GetByteCount(body).ToString(CultureInfo.InvariantCulture) + "\r\n"
               + "Connection: close\r\n"
               + "\r\n"
               + body;

        /// <summary>Reads one request (head, then a Content-Length or chunked body) and records it as text.</summary>
        public async Task<string> ReadRequestAsync()
        {
            var head = new StringBuilder();
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                if (head.Length > MaxHeadBytes)
                {
                    throw new InvalidDataException("The request head is over " + MaxHeadBytes + " bytes.");
                }

                head.Append((char)await this.ReadByteAsync());
            }

            string headText = head.ToString();
            byte[] body;
            if (Header(headText, "Content-Length") is { } contentLength)
            {
                body = await this.ReadBytesAsync(Math.Min(int.Parse(contentLength, CultureInfo.InvariantCulture), MaxBodyBytes));
            }
            else if (Header(headText, "Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
            {
                body = await this.ReadChunkedAsync();
            }
            else
            {
                body = [];
            }

            string request = headText + Encoding.UTF8.GetString(body);
            this.requests.Enqueue(request);
            return request;
        }

        /// <summary>Writes <paramref name="text"/> as UTF-8, exactly as given.</summary>
        public Task WriteAsync(string text) => this.WriteAsync(Encoding.UTF8.GetBytes(text));

        /// <summary>Writes the bytes and flushes them to the client.</summary>
        public async Task WriteAsync(byte[] bytes)
        {
            await this.stream.WriteAsync(bytes, this.CancellationToken);
            await this.stream.FlushAsync(this.CancellationToken);
        }

        /// <summary>Reads the request and answers with a complete response.</summary>
        public async Task RespondAsync(string status, string contentType, string body)
        {
            await this.ReadRequestAsync();
            await this.WriteAsync(Response(status, contentType, body));
        }

        /// <summary>Keeps the connection open, silent, until the server is disposed or the connection's time is up.</summary>
        public Task HoldAsync() => Task.Delay(Timeout.Infinite, this.CancellationToken);

        private static string? Header(string head, string name)
        {
            foreach (string line in head.Split("\r\n"))
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && string.Equals(line[..colon].Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return line[(colon + 1)..].Trim();
                }
            }

            return null;
        }

        private async Task<byte[]> ReadChunkedAsync()
        {
            using var body = new MemoryStream();
            while (true)
            {
                string sizeLine = await this.ReadLineAsync();
                int size = int.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    // Trailers, up to the empty line.
                    while ((await this.ReadLineAsync()).Length > 0)
                    {
                    }

                    return body.ToArray();
                }

                if (body.Length + size > MaxBodyBytes)
                {
                    throw new InvalidDataException("The request body is over " + MaxBodyBytes + " bytes.");
                }

                body.Write(await this.ReadBytesAsync(size));
                await this.ReadLineAsync();
            }
        }

        private async Task<string> ReadLineAsync()
        {
            var line = new StringBuilder();
            while (!line.ToString().EndsWith("\r\n", StringComparison.Ordinal))
            {
                if (line.Length > MaxHeadBytes)
                {
                    throw new InvalidDataException("A request line is over " + MaxHeadBytes + " bytes.");
                }

                line.Append((char)await this.ReadByteAsync());
            }

            return line.ToString(0, line.Length - 2);
        }

        private async Task<byte[]> ReadBytesAsync(int count)
        {
            byte[] result = new byte[count];
            for (int i = 0; i < count; i++)
            {
                result[i] = await this.ReadByteAsync();
            }

            return result;
        }

        private async ValueTask<byte> ReadByteAsync()
        {
            if (this.position == this.length)
            {
                this.length = await this.stream.ReadAsync(this.buffer, this.CancellationToken);
                this.position = 0;
                if (this.length == 0)
                {
                    throw new EndOfStreamException("The client closed the connection in the middle of a request.");
                }
            }

            return this.buffer[this.position++];
        }
    }
}
