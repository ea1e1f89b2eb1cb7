<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>Cut the block (JSON on the clipboard)</source>
        <translation>剪切模块（以 JSON 放到剪贴板）</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the block as JSON</source>
        <translation>以 JSON 复制模块</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Paste the block on the clipboard after the selection</source>
        <translation>把剪贴板上的模块粘贴到所选模块之后</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>Duplicate the selected block</source>
        <translation>为所选模块创建副本</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected block</source>
        <translation>删除所选模块</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move the selected block up</source>
        <translation>把所选模块上移</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Move the selected block down</source>
        <translation>把所选模块下移</translation>
    </message>
    <message>
        <source>Wrap in &amp;Sequential</source>
        <translation>包进 Sequential(&amp;S)</translation>
    </message>
    <message>
        <source>Put the block in a named group</source>
        <translation>把模块放进一个有名字的组</translation>
    </message>
    <message>
        <source>Wrap in &amp;Residual</source>
        <translation>包进 Residual(&amp;R)</translation>
    </message>
    <message>
        <source>Make the block the body of a residual connection</source>
        <translation>让模块成为残差连接的主体</translation>
    </message>
    <message>
        <source>U&amp;ngroup</source>
        <translation>取消分组(&amp;N)</translation>
    </message>
    <message>
        <source>Put the group&apos;s blocks in its place</source>
        <translation>用组里的模块替换这个组</translation>
    </message>
    <message>
        <source>Add &amp;Branch</source>
        <translation>添加分支(&amp;B)</translation>
    </message>
    <message>
        <source>Add an empty branch to the concatenation</source>
        <translation>给拼接添加一个空分支</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom in (or Ctrl+wheel)</source>
        <translation>放大（或 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out (or Ctrl+wheel)</source>
        <translation>缩小（或 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Zoom to actual size</source>
        <translation>缩放到实际大小</translation>
    </message>
    <message>
        <source>&amp;Expand All Groups</source>
        <translation>展开所有组(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Collapse All Groups</source>
        <translation>折叠所有组(&amp;C)</translation>
    </message>
    <message>
        <source>Select the previous block</source>
        <translation>选择上一个模块</translation>
    </message>
    <message>
        <source>Select the next block</source>
        <translation>选择下一个模块</translation>
    </message>
    <message>
        <source>Select the input</source>
        <translation>选择输入</translation>
    </message>
    <message>
        <source>Select the last block</source>
        <translation>选择最后一个模块</translation>
    </message>
    <message>
        <source>Collapse the selected group</source>
        <translation>折叠所选组</translation>
    </message>
    <message>
        <source>Expand the selected group</source>
        <translation>展开所选组</translation>
    </message>
    <message>
        <source>Collapse or expand the selected group</source>
        <translation>折叠或展开所选组</translation>
    </message>
    <message>
        <source>Edit the selected block in the Inspector (or double-click it)</source>
        <translation>在检查器中编辑所选模块（或双击它）</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new, empty design</source>
        <translation>开始一个新的空设计</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a design file</source>
        <translation>打开设计文件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the design</source>
        <translation>保存设计</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save under a new name</source>
        <translation>以新名字保存</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit CNN Playground</source>
        <translation>退出 CNN Playground</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>撤销上一次编辑</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo the edit undone last</source>
        <translation>重做最近撤销的编辑</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;Filter Layers</source>
        <translation>筛选层(&amp;F)</translation>
    </message>
    <message>
        <source>Filter the layer palette (Enter adds the first match)</source>
        <translation>筛选层面板（Enter 添加第一个匹配项）</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>Put the panels back where they started</source>
        <translation>把各面板放回最初的位置</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>List all keyboard shortcuts</source>
        <translation>列出所有键盘快捷键</translation>
    </message>
    <message>
        <source>&amp;About CNN Playground</source>
        <translation>关于 CNN Playground(&amp;A)</translation>
    </message>
    <message>
        <source>Save &amp;Model…</source>
        <translation>保存模型(&amp;M)…</translation>
    </message>
    <message>
        <source>Save the active model (design, weights, metrics) as a checkpoint</source>
        <translation>把当前模型（设计、权重、指标）保存为检查点</translation>
    </message>
    <message>
        <source>&amp;Load Model…</source>
        <translation>加载模型(&amp;L)…</translation>
    </message>
    <message>
        <source>Load a checkpoint and make it the active model</source>
        <translation>加载检查点并设为当前模型</translation>
    </message>
    <message>
        <source>&amp;Import PyTorch Model…</source>
        <translation>导入 PyTorch 模型(&amp;I)…</translation>
    </message>
    <message>
        <source>Turn a torchvision model or a PyTorch module into a design</source>
        <translation>把 torchvision 模型或 PyTorch 模块变成设计</translation>
    </message>
    <message>
        <source>Go to &amp;Design</source>
        <translation>转到设计页(&amp;D)</translation>
    </message>
    <message>
        <source>Show the Design page</source>
        <translation>显示设计页</translation>
    </message>
    <message>
        <source>Go to &amp;Train</source>
        <translation>转到训练页(&amp;T)</translation>
    </message>
    <message>
        <source>Show the Train page</source>
        <translation>显示训练页</translation>
    </message>
    <message>
        <source>Go to D&amp;raw</source>
        <translation>转到绘制页(&amp;R)</translation>
    </message>
    <message>
        <source>Show the Draw page</source>
        <translation>显示绘制页</translation>
    </message>
    <message>
        <source>Go to &amp;Kernel Slide</source>
        <translation>转到卷积滑动页(&amp;K)</translation>
    </message>
    <message>
        <source>Show the Kernel slide page</source>
        <translation>显示卷积滑动页</translation>
    </message>
    <message>
        <source>Block &amp;Previews</source>
        <translation>模块预览(&amp;P)</translation>
    </message>
    <message>
        <source>Show on every block what it makes of the input sample</source>
        <translation>在每个模块上显示它对输入样本的处理结果</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Train, pause or resume (on the Train page)</source>
        <translation>训练、暂停或继续（在训练页）</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Hands-on lessons that check your design as you edit</source>
        <translation>动手课程：边编辑边检查你的设计</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop training and keep the weights so far (on the Train page)</source>
        <translation>停止训练并保留目前的权重（在训练页）</translation>
    </message>
    <message>
        <source>Run on Several &amp;GPUs/Machines…</source>
        <translation>在多个 GPU/多台机器上运行(&amp;G)…</translation>
    </message>
    <message>
        <source>The torchrun command for this design and settings, and a job folder to copy to a cluster</source>
        <translation>这个设计和设置的 torchrun 命令，以及一个可复制到集群的作业文件夹</translation>
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
        <translation> 或 </translation>
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
    <name>ActiveModel</name>
    <message>
        <source>pretrained default</source>
        <translation>预训练的默认模型</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>{name} (not trained)</source>
        <translation>{name}（未训练）</translation>
    </message>
    <message>
        <source>{name} (edited, trained weights)</source>
        <translation>{name}（已编辑，训练过的权重）</translation>
    </message>
    <message>
        <source>{name} (edited, {count} block untrained)</source>
        <translation>{name}（已编辑，{count} 个模块未训练）</translation>
    </message>
    <message>
        <source>{name} (edited, {count} blocks untrained)</source>
        <translation>{name}（已编辑，{count} 个模块未训练）</translation>
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
    <name>Autosave</name>
    <message>
        <source>Autosave failed: {error}</source>
        <translation>自动保存失败：{error}</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder</source>
        <translation>{folder} 是文件，不是文件夹</translation>
    </message>
    <message>
        <source>cannot write in {folder} ({error})</source>
        <translation>无法写入 {folder}（{error}）</translation>
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
    <name>DatasetPicker</name>
    <message>
        <source>{what}: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data path unknown: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data path for training from the command line or torchrun ({path}): {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>streamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in memory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesignDocument</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>this design has no file yet; use Save As</source>
        <translation>这个设计还没有文件；请用“另存为”</translation>
    </message>
    <message>
        <source>Insert {type}</source>
        <translation>插入 {type}</translation>
    </message>
    <message>
        <source>Delete {type}</source>
        <translation>删除 {type}</translation>
    </message>
    <message>
        <source>Move {type}</source>
        <translation>移动 {type}</translation>
    </message>
    <message>
        <source>Duplicate {type}</source>
        <translation>为 {type} 创建副本</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Set {name} = {value}</source>
        <translation>设置 {name} = {value}</translation>
    </message>
    <message>
        <source>Rename block</source>
        <translation>重命名模块</translation>
    </message>
    <message>
        <source>Set input to {shape}</source>
        <translation>把输入设为 {shape}</translation>
    </message>
    <message>
        <source>Rename design</source>
        <translation>重命名设计</translation>
    </message>
    <message>
        <source>Edit description</source>
        <translation>编辑描述</translation>
    </message>
    <message>
        <source>Add branch</source>
        <translation>添加分支</translation>
    </message>
    <message>
        <source>Remove branch {number}</source>
        <translation>删除分支 {number}</translation>
    </message>
    <message>
        <source>Wrap {type} in {kind}</source>
        <translation>把 {type} 包进 {kind}</translation>
    </message>
    <message>
        <source>Ungroup {type}</source>
        <translation>取消 {type} 分组</translation>
    </message>
    <message>
        <source>The design is locked</source>
        <translation>设计已锁定</translation>
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
    <name>ImportJob</name>
    <message>
        <source>{name}: its output shape cannot be worked out</source>
        <translation>{name}：无法算出它的输出形状</translation>
    </message>
</context>
<context>
    <name>ImportModelCommand</name>
    <message>
        <source>Opened {what} as a new design</source>
        <translation>已将 {what} 作为新设计打开</translation>
    </message>
    <message>
        <source>{name}, weights from {file}</source>
        <translation>{name}，权重来自 {file}</translation>
    </message>
</context>
<context>
    <name>ImportModelDialog</name>
    <message>
        <source>Import PyTorch model</source>
        <translation>导入 PyTorch 模型</translation>
    </message>
    <message>
        <source>torchvision:NAME for a torchvision classifier, or module:package.module:ClassOrFactory for any nn.Module built without arguments</source>
        <translation>torchvision:NAME 表示 torchvision 的分类模型；module:package.module:ClassOrFactory 表示任何不带参数即可构建的 nn.Module</translation>
    </message>
    <message>
        <source>C,H,W, e.g. 3,224,224 (torchvision: optional)</source>
        <translation>C,H,W，例如 3,224,224（torchvision：可省略）</translation>
    </message>
    <message>
        <source>optional: a state_dict file (.pt, .pth)</source>
        <translation>可选：state_dict 文件（.pt、.pth）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Name a model first, e.g. torchvision:resnet18</source>
        <translation>请先填写模型，例如 torchvision:resnet18</translation>
    </message>
    <message>
        <source>Importing {source}…</source>
        <translation>正在导入 {source}…</translation>
    </message>
    <message>
        <source>the import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Weights to load</source>
        <translation>要加载的权重</translation>
    </message>
    <message>
        <source>PyTorch weights (*.pt *.pth);;All files (*)</source>
        <translation>PyTorch 权重 (*.pt *.pth);;所有文件 (*)</translation>
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
        <translation>课程</translation>
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
        <translation type="unfinished"></translation>
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
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>示例(&amp;E)</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>清除最近文件</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Opened design</source>
        <translation>打开的设计</translation>
    </message>
    <message>
        <source>Autosave is off: {reason}</source>
        <translation>自动保存已关闭：{reason}</translation>
    </message>
    <message>
        <source>Open the {name} example</source>
        <translation>打开示例 {name}</translation>
    </message>
    <message>
        <source>open another design</source>
        <translation>打开另一个设计</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>“{name}” has changes that are not saved.
Save them first?</source>
        <translation>“{name}”有未保存的更改。
先保存吗？</translation>
    </message>
    <message>
        <source>New design: drag layers from the palette</source>
        <translation>新设计：从层面板拖入层</translation>
    </message>
    <message>
        <source>Designs (*.json);;All files (*)</source>
        <translation>设计 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open design</source>
        <translation>打开设计</translation>
    </message>
    <message>
        <source>Cannot open design</source>
        <translation>无法打开设计</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>已打开 {name}</translation>
    </message>
    <message>
        <source>Cannot open example</source>
        <translation>无法打开示例</translation>
    </message>
    <message>
        <source>Opened the {name} example</source>
        <translation>已打开示例 {name}</translation>
    </message>
    <message>
        <source>Save design as</source>
        <translation>设计另存为</translation>
    </message>
    <message>
        <source>Cannot save design</source>
        <translation>无法保存设计</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
    <message>
        <source>Could not reopen {name}: {error}</source>
        <translation>无法重新打开 {name}：{error}</translation>
    </message>
    <message>
        <source>Could not restore the last design: {error}</source>
        <translation>无法恢复上次的设计：{error}</translation>
    </message>
    <message>
        <source>{count} damaged autosave(s) could not be read and were set aside: {name}</source>
        <translation>{count} 个损坏的自动保存无法读取，已移到一旁：{name}</translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation>恢复未保存的更改吗？</translation>
    </message>
    <message>
        <source>CNN Playground did not close normally. Unsaved changes to “{name}” were autosaved at {when}.

Recover them?</source>
        <translation>CNN Playground 上次没有正常关闭。“{name}”的未保存更改已在 {when} 自动保存。

要恢复吗？</translation>
    </message>
    <message>
        <source>Recovered unsaved changes to {name}</source>
        <translation>已恢复 {name} 的未保存更改</translation>
    </message>
    <message>
        <source>close the window</source>
        <translation>关闭窗口</translation>
    </message>
    <message>
        <source>About CNN Playground</source>
        <translation>关于 CNN Playground</translation>
    </message>
    <message>
        <source>&lt;p&gt;Build a convolutional network from blocks, watch every shape and parameter count update as you go, train it, and see what it sees.&lt;/p&gt;&lt;p&gt;Designs are plain JSON files; every number matches what PyTorch builds.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用模块搭建卷积神经网络，边搭边看每个形状和参数量的变化，训练它，并看看它看到了什么。&lt;/p&gt;&lt;p&gt;设计是普通的 JSON 文件；每个数字都与 PyTorch 构建的结果一致。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>&lt;b&gt;{params}&lt;/b&gt; params ({trainable} trainable)</source>
        <translation>&lt;b&gt;{params}&lt;/b&gt; 个参数（{trainable} 个可训练）</translation>
    </message>
    <message>
        <source>&lt;b&gt;{params}&lt;/b&gt; params</source>
        <translation>&lt;b&gt;{params}&lt;/b&gt; 个参数</translation>
    </message>
    <message>
        <source>{params} parameters, {trainable} trainable</source>
        <translation>{params} 个参数，其中 {trainable} 个可训练</translation>
    </message>
    <message>
        <source>&lt;b&gt;{macs}&lt;/b&gt; MACs</source>
        <translation>&lt;b&gt;{macs}&lt;/b&gt; 次乘加</translation>
    </message>
    <message>
        <source>{macs} multiply-accumulates per image ({flops} FLOPs)</source>
        <translation>每张图像 {macs} 次乘加运算（{flops} FLOPs）</translation>
    </message>
    <message>
        <source>&lt;b&gt;{size}&lt;/b&gt; weights</source>
        <translation>权重 &lt;b&gt;{size}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Memory for the weights as float32</source>
        <translation>以 float32 存放权重所需的内存</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Every block has a valid shape</source>
        <translation>每个模块都有有效的形状</translation>
    </message>
    <message>
        <source>{count} error</source>
        <translation>{count} 个错误</translation>
    </message>
    <message>
        <source>{count} errors</source>
        <translation>{count} 个错误</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>Not now: {reason}</source>
        <translation>现在不行：{reason}</translation>
    </message>
</context>
<context>
    <name>ModelHub</name>
    <message>
        <source>{name}, not trained yet</source>
        <translation>{name}，尚未训练</translation>
    </message>
    <message>
        <source>edited from {source}</source>
        <translation>由{source}编辑而来</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>没有模型</translation>
    </message>
    <message>
        <source>{name} cannot be built yet ({error}); the Draw page keeps the {source}.</source>
        <translation>{name} 还无法构建（{error}）；绘制页继续使用{source}。</translation>
    </message>
    <message>
        <source>Could not save the model: there is no model yet: train one or load a checkpoint</source>
        <translation>无法保存模型：还没有模型，请先训练一个或加载检查点</translation>
    </message>
    <message>
        <source>Could not save the model: {error}</source>
        <translation>无法保存模型：{error}</translation>
    </message>
    <message>
        <source>Saved the model to {path}</source>
        <translation>模型已保存到 {path}</translation>
    </message>
    <message>
        <source>Could not load the model: {error}</source>
        <translation>无法加载模型：{error}</translation>
    </message>
    <message>
        <source>Loaded {file}: {name}, trained on {dataset}{detail}.</source>
        <translation>已加载 {file}：{name}，在 {dataset} 上训练{detail}。</translation>
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
        <translation type="unfinished">输入</translation>
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
    <name>PageSlot</name>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train the design with live plots</source>
        <translation>训练设计，实时显示曲线</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <source>Draw a digit and watch the network classify it</source>
        <translation>手写一个数字，看网络如何分类</translation>
    </message>
    <message>
        <source>Kernel slide</source>
        <translation>卷积滑动</translation>
    </message>
    <message>
        <source>Watch a kernel slide over your digit, multiply-add by multiply-add</source>
        <translation>看卷积核在你的数字上滑动，一次次乘加</translation>
    </message>
</context>
<context>
    <name>RunCurves</name>
    <message>
        <source>Loss (validation solid, training dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <source>{n} parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} multiply-accumulates per image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trained on {device}, from the {source}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsScatter</name>
    <message>
        <source>#{id} {design} on {dataset}
{macs} MACs, {params} params
best validation accuracy {acc:.2f}%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <source>Filter by run or design name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every training run, from this window, earlier launches and the command line. Select several to compare their curves; double-click a name or a note to edit it. MACs: multiply-accumulates per image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open design</source>
        <translation type="unfinished">打开设计</translation>
    </message>
    <message>
        <source>Open the run&apos;s design as a new untitled design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the run&apos;s saved weights the active model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the run a name of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a note about the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected runs from the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run history cannot be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The design of run #{id} cannot be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of run #{id}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on run #{id}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {what} from the run history, with its metrics? This cannot be undone (saved checkpoints stay where they are).</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished">输入</translation>
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
    <name>StartupLoader</name>
    <message>
        <source>loading failed (the terminal shows why)</source>
        <translation>加载失败（原因见终端）</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes per machine: one per GPU (on the CPU they share the cores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machines (nodes); on several, each runs the command with its NODE_RANK and the first machine&apos;s MASTER_ADDR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes per machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the Train page&apos;s settings again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write job folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write design.json, launch.sh and a README into a folder to copy to the machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings are not valid: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run it where {design} is, or write the job folder and run its {launch}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It trains the saved design file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{world} process(es) in all; the batch size {batch} is per process, so the global batch is {total}. Only the first process prints and writes the checkpoint, which opens here with File ▸ Load Model. {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the training job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the job: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {files} in {folder}: copy the folder to the machines and run ./{launch} there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Too big to train here: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <source>Stop training before loading another model.</source>
        <translation>加载其他模型前请先停止训练。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>training: {name}, epoch {epoch}/{epochs}, {accuracy}%</source>
        <translation>训练中：{name}，epoch {epoch}/{epochs}，{accuracy}%</translation>
    </message>
    <message>
        <source>trained: {name}, {count} epoch, {accuracy}%</source>
        <translation>已训练：{name}，{count} 个 epoch，{accuracy}%</translation>
    </message>
    <message>
        <source>trained: {name}, {count} epochs, {accuracy}%</source>
        <translation>已训练：{name}，{count} 个 epoch，{accuracy}%</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>Models (*.pt);;All files (*)</source>
        <translation>模型 (*.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The pretrained model could not be loaded: {problem}</source>
        <translation>无法加载预训练模型：{problem}</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>加载模型</translation>
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
