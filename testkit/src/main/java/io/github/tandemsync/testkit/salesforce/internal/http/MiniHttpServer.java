package io.github.tandemsync.testkit.salesforce.internal.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server on 127.0.0.1 (ephemeral port) with keep-alive, chunked request bodies
 * and {@code Expect: 100-continue}. The handler owns every response header, including {@code
 * Date}, and may ask for a TCP reset instead of a response.
 *
 * <p>Requests whose request line and headers exceed 16,384 bytes get 431 and URIs longer than that
 * 414, as Salesforce documents.
 */
public final class MiniHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MiniHttpServer.class);
  /** Salesforce: URI plus headers must stay below 16,384 bytes. */
  private static final int MAX_HEAD_BYTES = 16_384;
  private static final int MAX_BODY_BYTES = 200 * 1024 * 1024;
  private static final int IDLE_TIMEOUT_MILLIS = 120_000;

  private final ServerSocket serverSocket;
  private final ExecutorService workers;
  private final Function<HttpRequest, HttpResponse> handler;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean running = true;

  private MiniHttpServer(ServerSocket serverSocket, Function<HttpRequest, HttpResponse> handler, String name) {
    this.serverSocket = serverSocket;
    this.handler = handler;
    this.workers = Executors.newCachedThreadPool(daemonThreads(name + "-http"));
    this.acceptor = new Thread(this::acceptLoop, name + "-accept");
    this.acceptor.setDaemon(true);
  }

  /** Binds 127.0.0.1 on an ephemeral port and starts serving. */
  public static MiniHttpServer start(Function<HttpRequest, HttpResponse> handler, String name) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    MiniHttpServer server = new MiniHttpServer(socket, handler, name);
    server.acceptor.start();
    return server;
  }

  /** The bound port. */
  public int port() {
    return serverSocket.getLocalPort();
  }

  private void acceptLoop() {
    while (running) {
      try {
        Socket socket = serverSocket.accept();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
        connections.add(socket);
        workers.execute(() -> serve(socket));
      } catch (IOException e) {
        if (running) {
          LOG.debug("accept failed", e);
        }
      } catch (RuntimeException e) {
        // Rejected after close: the pool is shut down.
        if (running) {
          LOG.warn("cannot serve a connection", e);
        }
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (running) {
        RequestHead head;
        try {
          head = readHead(in);
        } catch (HeadTooLarge e) {
          write(out, plain(e.status, e.getMessage()), false, true);
          return;
        }
        if (head == null) {
          return;
        }
        if (head.headers.first("Expect").map(v -> v.equalsIgnoreCase("100-continue")).orElse(false)) {
          out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        }
        byte[] body = readBody(in, head.headers);
        HttpRequest request = new HttpRequest(head.method, head.path, head.query, head.headers, body);
        HttpResponse response;
        try {
          response = handler.apply(request);
        } catch (RuntimeException e) {
          LOG.error("sandbox handler failed on {} {}", head.method, head.path, e);
          response = plain(500, "internal sandbox error");
        }
        if (response instanceof HttpResponse.Reset) {
          reset(socket);
          return;
        }
        boolean close = head.headers.all("Connection").stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("close"))
            || head.http10;
        write(out, (HttpResponse.Full) response, head.method.equals("HEAD"), close);
        if (close) {
          return;
        }
      }
    } catch (SocketTimeoutException | SocketException e) {
      LOG.trace("connection ended", e);
    } catch (IOException e) {
      LOG.debug("connection failed", e);
    } finally {
      connections.remove(socket);
    }
  }

  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
      socket.close();
    } catch (IOException e) {
      LOG.trace("reset failed", e);
    }
  }

  private static HttpResponse.Full plain(int status, String text) {
    return HttpResponse.of(status, "text/plain;charset=UTF-8", text);
  }

  private static final class HeadTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    HeadTooLarge(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private static final class RequestHead {
    String method = "";
    String path = "";
    @Nullable String query;
    boolean http10;
    final HttpHeaders headers = new HttpHeaders();
  }

  private static @Nullable RequestHead readHead(InputStream in) throws IOException {
    int[] budget = {MAX_HEAD_BYTES};
    String requestLine = readLine(in, budget, true);
    while (requestLine != null && requestLine.isEmpty()) {
      requestLine = readLine(in, budget, true);
    }
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    if (parts.length != 3) {
      throw new HeadTooLarge(400, "malformed request line");
    }
    RequestHead head = new RequestHead();
    head.method = parts[0].toUpperCase(Locale.ROOT);
    head.http10 = parts[2].equals("HTTP/1.0");
    String target = parts[1];
    int question = target.indexOf('?');
    head.path = question < 0 ? target : target.substring(0, question);
    head.query = question < 0 ? null : target.substring(question + 1);
    while (true) {
      String line = readLine(in, budget, false);
      if (line == null) {
        throw new IOException("connection closed inside the headers");
      }
      if (line.isEmpty()) {
        return head;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        head.headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
  }

  private static @Nullable String readLine(InputStream in, int[] budget, boolean requestLine) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    while (true) {
      int b = in.read();
      if (b < 0) {
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
      }
      if (--budget[0] < 0) {
        throw requestLine ? new HeadTooLarge(414, "URI Too Long") : new HeadTooLarge(431, "Request Header Fields Too Large");
      }
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
  }

  private static byte[] readBody(InputStream in, HttpHeaders headers) throws IOException {
    if (headers.first("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      int[] budget = {MAX_HEAD_BYTES};
      while (true) {
        String sizeLine = readLine(in, budget, false);
        if (sizeLine == null) {
          throw new IOException("connection closed inside a chunked body");
        }
        int semicolon = sizeLine.indexOf(';');
        int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
        if (size == 0) {
          String trailer = readLine(in, budget, false);
          while (trailer != null && !trailer.isEmpty()) {
            trailer = readLine(in, budget, false);
          }
          return body.toByteArray();
        }
        if (body.size() + size > MAX_BODY_BYTES) {
          throw new IOException("request body too large");
        }
        body.write(in.readNBytes(size));
        readLine(in, budget, false);
        budget[0] = MAX_HEAD_BYTES;
      }
    }
    long length = headers.first("Content-Length").map(v -> Long.parseLong(v.trim())).orElse(0L);
    if (length > MAX_BODY_BYTES) {
      throw new IOException("request body too large");
    }
    byte[] body = in.readNBytes((int) length);
    if (body.length < length) {
      throw new IOException("connection closed inside the body");
    }
    return body;
  }

  private static void write(OutputStream out, HttpResponse.Full response, boolean head, boolean close) throws IOException {
    StringBuilder text = new StringBuilder(256);
    text.append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
    for (Map.Entry<String, List<String>> header : response.headers().asMap().entrySet()) {
      if (header.getKey().equalsIgnoreCase("Content-Length") || header.getKey().equalsIgnoreCase("Connection")) {
        continue;
      }
      for (String value : header.getValue()) {
        text.append(header.getKey()).append(": ").append(value).append("\r\n");
      }
    }
    boolean bodyAllowed = response.status() != 204 && response.status() != 304 && response.status() >= 200;
    if (bodyAllowed) {
      text.append("Content-Length: ").append(response.body().length).append("\r\n");
    }
    text.append("Connection: ").append(close ? "close" : "keep-alive").append("\r\n\r\n");
    out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (bodyAllowed && !head) {
      out.write(response.body());
    }
    out.flush();
  }

  private static String reason(int status) {
    switch (status) {
      case 200: return "OK";
      case 201: return "Created";
      case 204: return "No Content";
      case 300: return "Multiple Choices";
      case 304: return "Not Modified";
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 409: return "Conflict";
      case 410: return "Gone";
      case 412: return "Precondition Failed";
      case 414: return "URI Too Long";
      case 415: return "Unsupported Media Type";
      case 431: return "Request Header Fields Too Large";
      case 500: return "Server Error";
      case 503: return "Service Unavailable";
      default: return "Status";
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Stops accepting, closes open connections and waits briefly for handlers. */
  @Override
  public void close() {
    running = false;
    try {
      serverSocket.close();
    } catch (IOException e) {
      LOG.trace("close failed", e);
    }
    for (Socket socket : connections) {
      try {
        socket.close();
      } catch (IOException e) {
        LOG.trace("close failed", e);
      }
    }
    workers.shutdownNow();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
      acceptor.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
