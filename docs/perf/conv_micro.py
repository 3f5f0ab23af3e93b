# Times one 3x3 convolution forward and backward in PyTorch, beside docs/perf/ConvMicro.java (docs/perf/README.md).
import torch, time
torch.set_num_threads(2); torch.manual_seed(1)
reps=40
for c in [(16,16,128,64),(32,32,64,32),(64,64,32,16)]:
    x=torch.randn(8,c[0],c[2],c[3]); w=(torch.randn(c[1],c[0],3,3)*0.1).requires_grad_(); b=torch.zeros(c[1])
    f=bk=0
    for i in range(reps+5):
        t0=time.perf_counter(); y=torch.nn.functional.conv2d(x,w,b,padding=1); loss=(y*y).mean(); t1=time.perf_counter()
        loss.backward(); t2=time.perf_counter(); w.grad=None
        if i>=5: f+=t1-t0; bk+=t2-t1
    print(f"torch conv {c[0]}x{c[1]} {c[2]}x{c[3]}: forward {f/reps*1e3:.2f} ms, backward {bk/reps*1e3:.2f} ms  (torch {torch.__version__}, {torch.get_num_threads()} threads)")
