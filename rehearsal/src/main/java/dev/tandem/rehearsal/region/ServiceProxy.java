package dev.tandem.rehearsal.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's Service on its fixed load balancer address: each connection goes to the next ready pod in turn
 * (kube-proxy sends Service traffic only to ready endpoints), and is refused at once when no pod is ready, as
 * kube-proxy rejects traffic to a Service without endpoints. The OpenStack load balancer in front of it on OVH is
 * not emulated: it adds a hop, not a decision.
 */
public final class ServiceProxy implements AutoCloseable {
    private final ServerSocket socket;
    private final List<ReadinessProber> endpoints;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "service");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger next = new AtomicInteger();

    public ServiceProxy(InetSocketAddress address, List<ReadinessProber> endpoints) throws IOException {
        this.endpoints = endpoints;
        this.socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(address, 128);
        threads.execute(this::accept);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                threads.execute(() -> forward(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void forward(Socket client) {
        List<ReadinessProber> ready = endpoints.stream().filter(ReadinessProber::ready).toList();
        try (client) {
            if (ready.isEmpty()) {
                client.setSoLinger(true, 0);
                return;
            }
            AppPod pod = ready.get(Math.floorMod(next.getAndIncrement(), ready.size())).pod();
            try (Socket upstream = new Socket()) {
                upstream.connect(new InetSocketAddress(pod.address(), pod.port()), 1000);
                upstream.setTcpNoDelay(true);
                client.setTcpNoDelay(true);
                threads.execute(() -> pipe(client, upstream));
                pipe(upstream, client);
            }
        } catch (IOException e) {
            // the pod went away mid-connection: the client sees the connection close, as through kube-proxy
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // either side closed
        }
    }

    /** @return how many pods are ready behind the Service */
    public long readyEndpoints() {
        return endpoints.stream().filter(ReadinessProber::ready).count();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
