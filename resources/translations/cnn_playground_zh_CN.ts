<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut the block (JSON on the clipboard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the block as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the block on the clipboard after the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate the selected block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected block up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected block down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap in &amp;Sequential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the block in a named group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap in &amp;Residual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the block the body of a residual connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;ngroup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the group&apos;s blocks in its place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an empty branch to the concatenation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (or Ctrl+wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (or Ctrl+wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom to actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expand All Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Collapse All Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the previous block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the next block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the last block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse the selected group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand the selected group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse or expand the selected group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected block in the Inspector (or double-click it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new, empty design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a design file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save under a new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit CNN Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo the edit undone last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the layer palette (Enter adds the first match)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the panels back where they started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List all keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About CNN Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the active model (design, weights, metrics) as a checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a checkpoint and make it the active model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import PyTorch Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn a torchvision model or a PyTorch module into a design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Design page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Train page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to D&amp;raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Draw page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Kernel Slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Kernel slide page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block &amp;Previews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show on every block what it makes of the input sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Train, pause or resume (on the Train page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hands-on lessons that check your design as you edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop training and keep the weights so far (on the Train page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run on Several &amp;GPUs/Machines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The torchrun command for this design and settings, and a job folder to copy to a cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivationPlot</name>
    <message>
        <source>slope (max %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArithmeticPanel</name>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlockInspector</name>
    <message>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BlockPreview</name>
    <message>
        <source>+{n} ch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>untrained</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidateBar</name>
    <message>
        <source>Use the new model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept {kept} active ({kept_acc} on validation): the new {new} reached {new_acc}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>The confusion matrix appears after the first epoch.</source>
        <translation>第一个 epoch 结束后显示混淆矩阵。</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>true</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 张图像</translation>
    </message>
    <message>
        <source>{count} images</source>
        <translation>{count} 张图像</translation>
    </message>
    <message>
        <source>{images} ({share}% of true {true})</source>
        <translation>{images}（占真实 {true} 的 {share}%）</translation>
    </message>
    <message>
        <source>true {true}, predicted correctly: {images}</source>
        <translation>真实 {true}，预测正确：{images}</translation>
    </message>
    <message>
        <source>true {true}, predicted {pred}: {images}</source>
        <translation>真实 {true}，预测为 {pred}：{images}</translation>
    </message>
</context>
<context>
    <name>DatasetPicker</name>
    <message>
        <source>Embedded MNIST (10,000 digits)</source>
        <translation>内置 MNIST（10,000 个数字）</translation>
    </message>
    <message>
        <source>10,000 handwritten digits shipped with the app: 9,000 to train, 1,000 to validate. Works offline.</source>
        <translation>随应用附带的 10,000 个手写数字：9,000 个用于训练，1,000 个用于验证。离线可用。</translation>
    </message>
    <message>
        <source>The full MNIST digits: 60,000 to train, 10,000 to validate (downloads about 12 MB).</source>
        <translation>完整的 MNIST 数字：60,000 个用于训练，10,000 个用于验证（下载约 12 MB）。</translation>
    </message>
    <message>
        <source>28x28 grey photos of 10 kinds of clothing, 60,000 + 10,000 (about 30 MB).</source>
        <translation>10 类服饰的 28x28 灰度照片，60,000 + 10,000 张（约 30 MB）。</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>FashionMNIST（服饰）</translation>
    </message>
    <message>
        <source>28x28 handwritten Japanese (Kuzushiji) characters, 10 classes, 60,000 + 10,000 (about 20 MB).</source>
        <translation>28x28 手写日文（草书体）字符，10 类，60,000 + 10,000 张（约 20 MB）。</translation>
    </message>
    <message>
        <source>CIFAR-10 (colour)</source>
        <translation>CIFAR-10（彩色）</translation>
    </message>
    <message>
        <source>32x32 colour photos of 10 things (planes, cats, ...), 50,000 + 10,000 (about 170 MB).</source>
        <translation>10 类物体（飞机、猫……）的 32x32 彩色照片，50,000 + 10,000 张（约 170 MB）。</translation>
    </message>
    <message>
        <source>Your own images (a folder)…</source>
        <translation>你自己的图像（一个文件夹）…</translation>
    </message>
    <message>
        <source>A folder with one subfolder per class (cats/, dogs/, ...); images are resized to the design&apos;s input.</source>
        <translation>每个类别一个子文件夹的文件夹（如 猫/、狗/……）；图像会缩放到设计的输入尺寸。</translation>
    </message>
    <message>
        <source>download cancelled</source>
        <translation>下载已取消</translation>
    </message>
    <message>
        <source>{train} to train · {val} to validate · {count} classes ({names}) · {shape}</source>
        <translation>{train} 个用于训练 · {val} 个用于验证 · {count} 个类别（{names}）· {shape}</translation>
    </message>
    <message>
        <source>What to train on. Downloaded sets are kept in {folder}</source>
        <translation>用什么数据训练。下载的数据集保存在 {folder}</translation>
    </message>
    <message>
        <source>folder with one subfolder per class</source>
        <translation>每个类别一个子文件夹的文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Download this dataset into {folder}</source>
        <translation>把这个数据集下载到 {folder}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>wait until the data is ready</source>
        <translation>请等待数据准备好</translation>
    </message>
    <message>
        <source>choose a folder of images first</source>
        <translation>请先选择一个图像文件夹</translation>
    </message>
    <message>
        <source>Folder of images, one subfolder per class</source>
        <translation>图像文件夹，每个类别一个子文件夹</translation>
    </message>
    <message>
        <source>listing images…</source>
        <translation>正在列出图像…</translation>
    </message>
    <message>
        <source>downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>{what}: {done} of {total}</source>
        <translation>{what}：{done} / {total}</translation>
    </message>
    <message>
        <source>Streams from disk while training: {images} images at {shape} take {need}, over the memory budget of {budget}.</source>
        <translation>训练时从磁盘流式读取：{images} 张 {shape} 的图像占 {need}，超过内存预算 {budget}。</translation>
    </message>
    <message>
        <source>Held in memory while training: {images} images at {shape} take {need}, within the memory budget of {budget}.</source>
        <translation>训练时全部放在内存中：{images} 张 {shape} 的图像占 {need}，未超过内存预算 {budget}。</translation>
    </message>
    <message>
        <source>Ready: {what}</source>
        <translation>就绪：{what}</translation>
    </message>
    <message>
        <source>Download failed (offline?): {reason}</source>
        <translation>下载失败（是否离线？）：{reason}</translation>
    </message>
    <message>
        <source>{about} Not downloaded yet: click Download (it goes to {folder}).</source>
        <translation>{about} 尚未下载：点击“下载”（保存到 {folder}）。</translation>
    </message>
</context>
<context>
    <name>DesignEditor</name>
    <message numerus="yes">
        <source>Remove branch %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Expand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DigitViewOptions</name>
    <message>
        <source>What the network gets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre and scale like MNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: the drawing is cropped to its ink, scaled to 20 pixels and centred, as MNIST was made. Off: the whole canvas is shrunk to 28×28 as it is, so the network sees the digit where and as big as you drew it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} px</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawPanel</name>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}:&lt;/b&gt; {blocks} kept no trained weights (new or reshaped by the edit), so its answers are partly guesses. Use the pretrained model, or train it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its output is a {shape} map ({count} numbers), not class scores: shown as it is, no probabilities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not the design on the Design page ({name}): edit or train that one to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a {shape} map, not a class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network sees ({h}×{w})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {shape} input the network gets, pixel for pixel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportModelDialog</name>
    <message>
        <source>Import PyTorch model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>torchvision:NAME for a torchvision classifier, or module:package.module:ClassOrFactory for any nn.Module built without arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C,H,W, e.g. 3,224,224 (torchvision: optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a state_dict file (.pt, .pth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished">浏览…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a model first, e.g. torchvision:resnet18</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {source}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights to load</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KernelSlidePage</name>
    <message>
        <source>Sandbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your own input, kernels and bias (the tutorials&apos; worked examples) and watch the same animation and arithmetic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sandbox: typed numbers, no network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not the design being edited ({name})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The language of the window (remembered for the next start)</source>
        <translation>窗口的语言（下次启动时沿用）</translation>
    </message>
</context>
<context>
    <name>LessonDock</name>
    <message>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>&lt;b&gt;Welcome to CNN Playground.&lt;/b&gt; Short lessons walk you from padding and stride to residual networks: each gives you a design and a task, and checks your work as you edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the first lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Just explore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a lesson: its design opens in the editor, and the panel tells you when the task is solved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◂ All lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next lesson ▸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>part {n} of {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished">尚未开始</translation>
    </message>
    <message>
        <source>Lesson {n} of {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task, part {n} of {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs you train on the Train page count as evidence ({count} in this window so far).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select {path} in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Part {n} solved: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LivePlot</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Save the {title} plot as a PNG image or its data as CSV</source>
        <translation>把“{title}”图保存为 PNG 图像，或把其数据保存为 CSV</translation>
    </message>
    <message>
        <source>Save image (PNG)…</source>
        <translation>保存图像（PNG）…</translation>
    </message>
    <message>
        <source>Save data (CSV)…</source>
        <translation>保存数据（CSV）…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>CSV data (*.csv)</source>
        <translation>CSV 数据 (*.csv)</translation>
    </message>
    <message>
        <source>Export {title}</source>
        <translation>导出“{title}”</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave is off: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} damaged autosave(s) could not be read and were set aside: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MisclassifiedGallery</name>
    <message>
        <source>← most confident mistakes</source>
        <translation>← 最自信的错误</translation>
    </message>
    <message>
        <source>Show the validation images the model got wrong with the highest confidence</source>
        <translation>显示模型以最高置信度判错的验证图像</translation>
    </message>
    <message>
        <source>Most confidently wrong</source>
        <translation>最自信的错误</translation>
    </message>
    <message>
        <source>Misclassified validation images appear after an epoch.</source>
        <translation>一个 epoch 结束后显示分错的验证图像。</translation>
    </message>
    <message>
        <source>{title} (first {count} shown)</source>
        <translation>{title}（显示前 {count} 张）</translation>
    </message>
    <message>
        <source>pred {pred}{confidence}
true {true}</source>
        <translation>预测 {pred}{confidence}
真实 {true}</translation>
    </message>
    <message>
        <source>validation image #{index}: predicted {pred}{confidence}, true {true}</source>
        <translation>验证图像 #{index}：预测为 {pred}{confidence}，真实为 {true}</translation>
    </message>
    <message>
        <source>No images here.</source>
        <translation>这里没有图像。</translation>
    </message>
</context>
<context>
    <name>NetworkOverview</name>
    <message>
        <source>Draw a digit to see the whole network at work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This network was not built from its design here: its blocks cannot be shown one by one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NormCube</name>
    <message>
        <source>N (samples)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C (channels)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NormPicture</name>
    <message>
        <source>One mean and std over %1 (shaded), %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputMapView</name>
    <message>
        <source>Draw a digit to see the network&apos;s output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel {c}, at ({r}, {k}): {v:.4g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values from {low:.3g} to {high:.3g}; hover a cell for its value.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewCanvas</name>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+{n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{block}: class {c}, p = {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{block}: {what} {c}, values {low} … {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to slide this kernel over the digit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PerClassAccuracyView</name>
    <message>
        <source>Validation accuracy per class (the share of each class&apos;s images predicted right):</source>
        <translation>每个类别的验证准确率（该类图像中预测正确的比例）：</translation>
    </message>
    <message>
        <source>Accuracy per class appears after an epoch.</source>
        <translation>一个 epoch 结束后显示每个类别的准确率。</translation>
    </message>
    <message>
        <source>no images</source>
        <translation>没有图像</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Accuracy per class (%)</source>
        <translation>每个类别的准确率（%）</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <source>Results of the latest epoch on the validation images. Click a cell to see its images.</source>
        <translation>最近一个 epoch 在验证图像上的结果。点击一个单元格查看其中的图像。</translation>
    </message>
    <message>
        <source>Most confidently wrong</source>
        <translation>最自信的错误</translation>
    </message>
    <message>
        <source>these {count}</source>
        <translation>共 {count} 张</translation>
    </message>
    <message>
        <source>none</source>
        <translation>没有</translation>
    </message>
    <message>
        <source>true {true}, predicted correctly: {these}</source>
        <translation>真实 {true}，预测正确：{these}</translation>
    </message>
    <message>
        <source>true {true}, predicted {pred}: {these}</source>
        <translation>真实 {true}，预测为 {pred}：{these}</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>0</translation>
    </message>
    <message>
        <source>one</source>
        <translation>1</translation>
    </message>
    <message>
        <source>two</source>
        <translation>2</translation>
    </message>
    <message>
        <source>three</source>
        <translation>3</translation>
    </message>
    <message>
        <source>four</source>
        <translation>4</translation>
    </message>
    <message>
        <source>five</source>
        <translation>5</translation>
    </message>
    <message>
        <source>six</source>
        <translation>6</translation>
    </message>
    <message>
        <source>seven</source>
        <translation>7</translation>
    </message>
    <message>
        <source>eight</source>
        <translation>8</translation>
    </message>
    <message>
        <source>nine</source>
        <translation>9</translation>
    </message>
    <message>
        <source>ten</source>
        <translation>10</translation>
    </message>
    <message>
        <source>eleven</source>
        <translation>11</translation>
    </message>
    <message>
        <source>twelve</source>
        <translation>12</translation>
    </message>
</context>
<context>
    <name>RunCurves</name>
    <message>
        <source>Loss (validation solid, training dashed)</source>
        <translation>损失（实线为验证，虚线为训练）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch（轮）</translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>Best val acc</source>
        <translation>最佳验证准确率</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>epoch 数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>cli</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>{n} parameters</source>
        <translation>{n} 个参数</translation>
    </message>
    <message>
        <source>{n} multiply-accumulates per image</source>
        <translation>每张图像 {n} 次乘加运算</translation>
    </message>
    <message>
        <source>trained on {device}, from the {source}</source>
        <translation>在 {device} 上训练，来自{source}</translation>
    </message>
</context>
<context>
    <name>RunsScatter</name>
    <message>
        <source>Accuracy vs compute</source>
        <translation>准确率与计算量</translation>
    </message>
    <message>
        <source>MACs per image</source>
        <translation>每张图像的 MACs</translation>
    </message>
    <message>
        <source>best validation accuracy (%)</source>
        <translation>最佳验证准确率（%）</translation>
    </message>
    <message>
        <source>#{id} {design} on {dataset}
{macs} MACs, {params} params
best validation accuracy {acc:.2f}%</source>
        <translation>#{id} {design}，数据集 {dataset}
{macs} MACs，{params} 个参数
最佳验证准确率 {acc:.2f}%</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Any time</source>
        <translation>任何时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Filter by run or design name</source>
        <translation>按运行或设计名称筛选</translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation>所有数据集</translation>
    </message>
    <message>
        <source>Every training run, from this window, earlier launches and the command line. Select several to compare their curves; double-click a name or a note to edit it. MACs: multiply-accumulates per image.</source>
        <translation>每一次训练运行，来自本窗口、之前的启动和命令行。选择多个以比较它们的曲线；双击名称或备注可编辑。MACs：每张图像的乘加运算次数。</translation>
    </message>
    <message>
        <source>Open design</source>
        <translation>打开设计</translation>
    </message>
    <message>
        <source>Open the run&apos;s design as a new untitled design</source>
        <translation>把该运行的设计作为新的未命名设计打开</translation>
    </message>
    <message>
        <source>Load checkpoint</source>
        <translation>加载检查点</translation>
    </message>
    <message>
        <source>Make the run&apos;s saved weights the active model</source>
        <translation>把该运行保存的权重设为当前模型</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Give the run a name of its own</source>
        <translation>给这次运行起个名字</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>备注…</translation>
    </message>
    <message>
        <source>Write a note about the run</source>
        <translation>为这次运行写一条备注</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the selected runs from the history</source>
        <translation>从运行记录中删除所选运行</translation>
    </message>
    <message>
        <source>The run history cannot be opened: {reason}</source>
        <translation>无法打开运行记录：{reason}</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>{n} runs</source>
        <translation>{n} 次运行</translation>
    </message>
    <message>
        <source>1 run</source>
        <translation>1 次运行</translation>
    </message>
    <message>
        <source>The design of run #{id} cannot be opened: {reason}</source>
        <translation>无法打开运行 #{id} 的设计：{reason}</translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation>重命名运行</translation>
    </message>
    <message>
        <source>Name of run #{id}:</source>
        <translation>运行 #{id} 的名称：</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note on run #{id}:</source>
        <translation>运行 #{id} 的备注：</translation>
    </message>
    <message>
        <source>run #{id}</source>
        <translation>运行 #{id}</translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation>删除运行</translation>
    </message>
    <message>
        <source>Delete {what} from the run history, with its metrics? This cannot be undone (saved checkpoints stay where they are).</source>
        <translation>要从运行记录中删除{what}及其指标吗？此操作无法撤销（已保存的检查点保持不变）。</translation>
    </message>
</context>
<context>
    <name>SandboxPanel</name>
    <message>
        <source>Your own numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input: one row a line, numbers split by spaces; a blank line starts the next channel (at most {side}×{side}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernels: one grid per input channel for output channel 0, then the same for output 1, …; a blank line between grids.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One bias per output channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stride: how many cells the window jumps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding: a ring of zeros around the input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dilation: the gap between kernel taps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift the picture by one pixel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slide it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stride</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here {moved} of {cells} map cells change with the shift; after pooling the maps are {same}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kernels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your convolution</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TileGrid</name>
    <message>
        <source>{count} of {total} values are not numbers (NaN or infinite), shown in magenta: the weights have diverged. </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TorchrunDialog</name>
    <message>
        <source>Run on several GPUs/machines</source>
        <translation>在多个 GPU/多台机器上运行</translation>
    </message>
    <message>
        <source>Processes per machine: one per GPU (on the CPU they share the cores)</source>
        <translation>每台机器的进程数：每个 GPU 一个（在 CPU 上它们共享核心）</translation>
    </message>
    <message>
        <source>Machines (nodes); on several, each runs the command with its NODE_RANK and the first machine&apos;s MASTER_ADDR</source>
        <translation>机器（节点）数；多台时，每台用自己的 NODE_RANK 和第一台机器的 MASTER_ADDR 运行该命令</translation>
    </message>
    <message>
        <source>Processes per machine</source>
        <translation>每台机器的进程数</translation>
    </message>
    <message>
        <source>Machines</source>
        <translation>机器数</translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation>复制命令</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the Train page&apos;s settings again</source>
        <translation>重新读取训练页的设置</translation>
    </message>
    <message>
        <source>Write job folder…</source>
        <translation>写出作业文件夹…</translation>
    </message>
    <message>
        <source>Write design.json, launch.sh and a README into a folder to copy to the machines</source>
        <translation>把 design.json、launch.sh 和一份说明写入一个文件夹，再复制到各台机器</translation>
    </message>
    <message>
        <source>The settings are not valid: {reason}</source>
        <translation>设置无效：{reason}</translation>
    </message>
    <message>
        <source>Run it where {design} is, or write the job folder and run its {launch}.</source>
        <translation>在 {design} 所在处运行它，或写出作业文件夹并运行其中的 {launch}。</translation>
    </message>
    <message>
        <source>It trains the saved design file.</source>
        <translation>它训练已保存的设计文件。</translation>
    </message>
    <message>
        <source>{world} process(es) in all; the batch size {batch} is per process, so the global batch is {total}. Only the first process prints and writes the checkpoint, which opens here with File ▸ Load Model. {where}</source>
        <translation>共 {world} 个进程；批大小 {batch} 是每个进程的，所以全局批大小为 {total}。只有第一个进程打印输出并写出检查点，可在此处用“文件 ▸ 加载模型”打开。{where}</translation>
    </message>
    <message>
        <source>Folder for the training job</source>
        <translation>训练作业的文件夹</translation>
    </message>
    <message>
        <source>Could not write the job: {reason}</source>
        <translation>无法写出作业：{reason}</translation>
    </message>
    <message>
        <source>Wrote {files} in {folder}: copy the folder to the machines and run ./{launch} there.</source>
        <translation>已在 {folder} 中写出 {files}：把该文件夹复制到各台机器并在那里运行 ./{launch}。</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Training is running: stop it to change the network&apos;s layers</source>
        <translation>正在训练：先停止训练才能修改网络的层</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after the current step and keep the weights so far (Ctrl+.)</source>
        <translation>在当前这一步之后停止，并保留目前的权重（Ctrl+.）</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Live plots</source>
        <translation>实时曲线</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; · {params} parameters · {macs} MACs per image</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; · {params} 个参数 · 每张图像 {macs} 次乘加运算（MACs）</translation>
    </message>
    <message>
        <source>fix the design first: {path}: {problem}</source>
        <translation>请先修正设计：{path}：{problem}</translation>
    </message>
    <message>
        <source>fix the design first: {problem}</source>
        <translation>请先修正设计：{problem}</translation>
    </message>
    <message>
        <source>add some layers to the design first</source>
        <translation>请先在设计中添加一些层</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Continue training (Ctrl+T)</source>
        <translation>继续训练（Ctrl+T）</translation>
    </message>
    <message>
        <source>Pause after the current step (Ctrl+T)</source>
        <translation>在当前这一步之后暂停（Ctrl+T）</translation>
    </message>
    <message>
        <source>Too big to train here: %1</source>
        <translation>太大，无法在这里训练：%1</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Can&apos;t train yet: {problem}</source>
        <translation>还不能训练：{problem}</translation>
    </message>
    <message>
        <source>Train the open design with these settings (Ctrl+T)</source>
        <translation>用这些设置训练打开的设计（Ctrl+T）</translation>
    </message>
    <message>
        <source>close the window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>正在训练</translation>
    </message>
    <message>
        <source>A model is training. Stop training to {what}?
The weights of the epochs done so far are kept.</source>
        <translation>有模型正在训练。要停止训练以{what}吗？
已完成的 epoch 的权重会保留。</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs} · step {step}/{steps}</source>
        <translation>epoch {epoch}/{epochs} · 第 {step}/{steps} 步</translation>
    </message>
    <message>
        <source>{progress} · paused</source>
        <translation>{progress} · 已暂停</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>将在当前这一步之后停止…</translation>
    </message>
    <message>
        <source>Loading {data} and building the model…</source>
        <translation>正在加载 {data} 并构建模型…</translation>
    </message>
    <message>
        <source>Stopped: 1 epoch</source>
        <translation>已停止：1 个 epoch</translation>
    </message>
    <message>
        <source>Stopped: {count} epochs</source>
        <translation>已停止：{count} 个 epoch</translation>
    </message>
    <message>
        <source>Done: 1 epoch</source>
        <translation>完成：1 个 epoch</translation>
    </message>
    <message>
        <source>Done: {count} epochs</source>
        <translation>完成：{count} 个 epoch</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <source>{duration} of training</source>
        <translation>训练用时 {duration}</translation>
    </message>
    <message>
        <source>{rate} images/s · {elapsed} elapsed</source>
        <translation>每秒 {rate} 张图像 · 已用 {elapsed}</translation>
    </message>
    <message>
        <source>{speed} · about {left} left</source>
        <translation>{speed} · 约剩 {left}</translation>
    </message>
    <message>
        <source>paused · {speed}</source>
        <translation>已暂停 · {speed}</translation>
    </message>
    <message>
        <source>Results (epoch {epoch})</source>
        <translation>结果（epoch {epoch}）</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {epochs}: {accuracy}% of {count} validation images right (loss {loss}). Click a cell of the matrix to see its images.</source>
        <translation>第 {epoch}/{epochs} 个 epoch：{count} 张验证图像中 {accuracy}% 预测正确（损失 {loss}）。点击矩阵的单元格查看其中的图像。</translation>
    </message>
    <message>
        <source>Training stopped: {reason}</source>
        <translation>训练已停止：{reason}</translation>
    </message>
    <message>
        <source>Stopped before the first epoch ended: no weights kept.</source>
        <translation>在第一个 epoch 结束前已停止：没有保留权重。</translation>
    </message>
    <message>
        <source>Finished before the first epoch ended: no weights kept.</source>
        <translation>在第一个 epoch 结束前已结束：没有保留权重。</translation>
    </message>
    <message>
        <source>Stopped after 1 epoch in {duration}: validation accuracy {last}% (best {best}%).</source>
        <translation>训练 1 个 epoch、用时 {duration} 后停止：验证准确率 {last}%（最佳 {best}%）。</translation>
    </message>
    <message>
        <source>Stopped after {count} epochs in {duration}: validation accuracy {last}% (best {best}%).</source>
        <translation>训练 {count} 个 epoch、用时 {duration} 后停止：验证准确率 {last}%（最佳 {best}%）。</translation>
    </message>
    <message>
        <source>Finished after 1 epoch in {duration}: validation accuracy {last}% (best {best}%).</source>
        <translation>训练 1 个 epoch、用时 {duration} 后完成：验证准确率 {last}%（最佳 {best}%）。</translation>
    </message>
    <message>
        <source>Finished after {count} epochs in {duration}: validation accuracy {last}% (best {best}%).</source>
        <translation>训练 {count} 个 epoch、用时 {duration} 后完成：验证准确率 {last}%（最佳 {best}%）。</translation>
    </message>
    <message>
        <source>The trained model is now the active one for drawing.</source>
        <translation>训练好的模型现在是绘制页使用的当前模型。</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>epoch</source>
        <translation>epoch（轮）</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>train (per step)</source>
        <translation>训练（每步）</translation>
    </message>
    <message>
        <source>train (smoothed)</source>
        <translation>训练（平滑）</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <source>Validation accuracy is measured after each epoch on images the model never
trains on. Training accuracy is the average over the epoch, while the model
was still learning, so early on it is lower than validation.</source>
        <translation>验证准确率在每个 epoch 之后，用模型从未训练过的图像测量。
训练准确率是整个 epoch 的平均值，那时模型还在学习，
所以在早期它比验证准确率低。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <source>Stop training before loading another model.</source>
        <translation>请先停止训练，再加载另一个模型。</translation>
    </message>
</context>
<context>
    <name>TrainingSettings</name>
    <message>
        <source>Automatic ({device})</source>
        <translation>自动（{device}）</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Opened {what} as a new design</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>write_png</name>
    <message>
        <source>the image could not be encoded as PNG</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
